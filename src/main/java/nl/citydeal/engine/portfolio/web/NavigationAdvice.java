package nl.citydeal.engine.portfolio.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.citydeal.engine.system.PersonNames;

/** Gives every page of the app the model attribute {@code navigation} that the masthead fragment shows. */
@ControllerAdvice(basePackages = "nl.citydeal.engine")
class NavigationAdvice {

    private final PersonNames names;

    NavigationAdvice(PersonNames names) {
        this.names = names;
    }

    @ModelAttribute("navigation")
    Navigation navigation(Authentication user, HttpServletRequest request) {
        return user == null
                ? null
                : Navigation.of(
                        user,
                        request.getRequestURI()
                                .substring(request.getContextPath().length()),
                        names);
    }
}
