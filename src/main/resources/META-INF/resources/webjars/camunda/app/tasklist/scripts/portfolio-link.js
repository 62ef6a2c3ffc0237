/*
 * City Deal Engine: the "Portfolio" link in Tasklist's header, back to the portfolio overview at "/".
 * Listed in config.js customScripts; Tasklist 7.24 imports it as an ES module and registers the default export
 * as a plugin of the header's action plugin point.
 */
import { portfolioPlugin } from '../../citydeal/portfolio-link.js';

export default portfolioPlugin('tasklist.navbar.action');
