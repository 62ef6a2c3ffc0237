// The lessons handbook's "Afdrukken" button: shown only where scripts run, it prints the page (see @media print in
// citydeal.css, "Lessons library").
(function () {
  var button = document.getElementById('print-handbook');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
})();
