package nl.citydeal.engine.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Dutch login page of the app's own pages. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
