/*
 * City Deal Engine: Tasklist lists tasks by due date (earliest first) unless the user picked another order.
 * Tasklist takes its order from the "sorting" search parameter of the page address and falls back to
 * "created, newest first"; this module fills in the due date when the address has no order yet.
 * Listed in config.js customScripts and registered on the header's action plugin point, which renders once
 * when Tasklist starts.
 */

const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  if (hash.indexOf('sorting=') !== -1) {
    return;
  }
  const separator = hash.indexOf('?') === -1 ? '?' : '&';
  window.location.replace(hash + separator + 'sorting=' + encodeURIComponent(DUE_DATE_FIRST));
}

export default {
  id: 'city-deal-due-date-sorting',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render() {
    sortByDueDateUnlessChosen();
    window.addEventListener('hashchange', sortByDueDateUnlessChosen);
  }
};
