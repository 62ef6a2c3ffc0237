/*
 * City Deal Engine: the link back to the portfolio overview in the header of Admin and Welcome, which have no
 * plugin point for header items. AngularJS draws the header after this module runs (and again after logging in),
 * so an observer places the link whenever a header without it appears.
 */
import { portfolioLink } from './portfolio-link.js';

function place() {
  document.querySelectorAll('[cam-widget-header] .navbar-header').forEach(header => {
    if (!header.querySelector('.cde-portfolio-link')) {
      header.appendChild(portfolioLink());
    }
  });
}

new MutationObserver(place).observe(document.documentElement, { childList: true, subtree: true });
place();
