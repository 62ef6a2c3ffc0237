package nl.citydeal.engine.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where each user goes next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
