// The deal page's "Afdrukken" button: shown only where scripts run, it prints the page (see @media print in citydeal.css).
(function () {
  var button = document.getElementById('print-deal');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
})();
