package nl.citydeal.engine.system.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where each user goes next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Principal user, Model model) {
        model.addAttribute("user", user.getName());
        return "home";
    }
}
