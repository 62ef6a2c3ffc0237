// The yearly report's "Afdrukken" button: shown only where scripts run, it prints the page (see @media print in report.css).
(function () {
  var button = document.getElementById('print-report');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
})();
