package nl.citydeal.engine.portfolio.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page of the app the model attribute {@code navigation} that the masthead fragment shows. */
@ControllerAdvice(basePackages = "nl.citydeal.engine")
class NavigationAdvice {

    @ModelAttribute("navigation")
    Navigation navigation(Authentication user, HttpServletRequest request) {
        return user == null
                ? null
                : Navigation.of(
                        user,
                        request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }
}
