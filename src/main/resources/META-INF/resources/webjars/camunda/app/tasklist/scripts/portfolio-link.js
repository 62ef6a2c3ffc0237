/*
 * City Deal Engine: a "Portfolio" link in Tasklist's header, back to the portfolio overview at "/".
 * Listed in config.js customScripts; Tasklist 7.24 imports it as an ES module and registers the
 * default export as a plugin of the header's action plugin point.
 */

export default {
  id: 'city-deal-portfolio-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 1000,
  render(node) {
    const link = document.createElement('a');
    link.href = '/';
    link.className = 'cde-portfolio-link';
    link.title = 'Terug naar het portfolio-overzicht';
    link.textContent = 'Portfolio';
    node.appendChild(link);
  }
};
