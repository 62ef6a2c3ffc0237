/*
 * City Deal Engine: the "Portfolio" link in Cockpit's header menu, back to the portfolio overview at "/".
 * Listed in config.js customScripts; Cockpit 7.24 registers the default export as a plugin of its menu's
 * plugin point (cockpit.navigation), which draws a plugin with a render function itself.
 */
import { portfolioPlugin } from '../../citydeal/portfolio-link.js';

export default portfolioPlugin('cockpit.navigation');
