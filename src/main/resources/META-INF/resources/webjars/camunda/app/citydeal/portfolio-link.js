/*
 * City Deal Engine: the link back to the portfolio overview ("/") in the header of every Camunda 7.24 webapp.
 * Tasklist and Cockpit have a plugin point for header items: their scripts/portfolio-link.js register
 * portfolioPlugin(pluginPoint). Admin and Welcome have none: their config.js lists
 * ../citydeal/header-portfolio-link, which places the same link next to the brand.
 */

export function portfolioLink() {
  const link = document.createElement('a');
  link.href = '/';
  link.className = 'cde-portfolio-link';
  link.title = 'Terug naar het portfolio-overzicht';
  link.textContent = 'Portfolio';
  return link;
}

export function portfolioPlugin(pluginPoint) {
  return {
    id: 'city-deal-portfolio-link',
    pluginPoint,
    priority: 1000,
    render(node) {
      node.appendChild(portfolioLink());
    }
  };
}
