package nl.citydeal.engine.lesson.web;

import org.springframework.security.core.Authentication;

import nl.citydeal.engine.system.web.Viewer;

/** Who reads the library, as {@code Lessons} takes it: null for one who sees every deal, else the deal lead's id. */
final class LibraryViewer {

    private LibraryViewer() {}

    static String onlyLead(Authentication user) {
        Viewer viewer = Viewer.of(user);
        return viewer.seesAllDeals() ? null : viewer.userId();
    }
}
