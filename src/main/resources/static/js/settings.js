// Mijn instellingen: the copy button next to a new subscription address (the field itself stays selectable without it).
(function () {
  var button = document.getElementById('kopieer-adres');
  var field = document.getElementById('agenda-adres');
  var status = document.getElementById('kopieer-status');
  if (!button || !field) {
    return;
  }
  field.addEventListener('focus', function () { field.select(); });
  if (!navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(field.value).then(function () {
      status.textContent = 'Het adres is gekopieerd.';
    }, function () {
      field.select();
      status.textContent = 'Kopiëren lukte niet: het adres is geselecteerd, kopieer het met Ctrl+C of Cmd+C.';
    });
  });
})();
