// Model editor page (/admin/models/.../edit): a BPMN process in the bpmn-js modeler with the Camunda 7 properties
// panel and the lint rules of lint-models, a decision table in dmn-js, a form in the form-js editor (vendor/*).
// "Controleren" sends the edited file to the review (diff, validation, prompt schedule preview), "Uitrollen"
// through the validated upload, "Downloaden" saves it under its repository file name. Nothing is stored before
// "Uitrollen". Styles only through classes and the DOM (strict CSP).
(function () {
  'use strict';
  var root = document.getElementById('model-editor');
  if (!root) {
    return;
  }
  var kind = root.getAttribute('data-kind');
  var fileName = root.getAttribute('data-file-name');
  var status = document.getElementById('editor-status');
  var buttons = {
    review: document.getElementById('editor-review'),
    deploy: document.getElementById('editor-deploy'),
    download: document.getElementById('editor-download')
  };
  var editor = null; // { content(): Promise<string>, type }

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : '';
  }

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle('error', !!failed);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function setBusy(busy) {
    Object.keys(buttons).forEach(function (name) {
      buttons[name].disabled = busy || !editor;
    });
  }

  // ---- the editors ----

  function openBpmn(xml) {
    if (!window.CityDealBpmnModeler) {
      throw new Error('bundle');
    }
    var modeler = window.CityDealBpmnModeler.create(
      document.getElementById('bpmn-canvas'), document.getElementById('bpmn-properties'));
    modeler.get('eventBus').on('linting.completed', function (event) {
      showLint(modeler, event.issues);
    });
    return modeler.importXML(xml).then(function () {
      modeler.get('canvas').zoom('fit-viewport');
      modeler.get('linting').toggle(true);
      window.cityDealEditor = modeler;
      return {
        type: 'application/xml',
        content: function () {
          return modeler.saveXML({ format: true }).then(function (result) { return result.xml; });
        }
      };
    });
  }

  var CATEGORIES = { error: 'Fout', warn: 'Waarschuwing', info: 'Opmerking' };

  function showLint(modeler, issues) {
    var list = document.getElementById('lint-list');
    var summary = document.getElementById('lint-summary');
    var registry = modeler.get('elementRegistry');
    var counts = { error: 0, warn: 0, info: 0 };
    clear(list);
    Object.keys(issues || {}).forEach(function (elementId) {
      issues[elementId].forEach(function (issue) {
        counts[issue.category] = (counts[issue.category] || 0) + 1;
        var shape = registry.get(issue.id || elementId);
        var name = shape && shape.businessObject && shape.businessObject.name;
        var item = element('li', null, 'lint-' + issue.category);
        var link = element('button', null, 'link');
        link.type = 'button';
        link.appendChild(element('strong', CATEGORIES[issue.category] || issue.category));
        link.appendChild(document.createTextNode(' ' + (name ? name + ' (' + elementId + ')' : elementId) + ': '
          + issue.message + ' [' + issue.rule + ']'));
        link.addEventListener('click', function () {
          if (shape) {
            modeler.get('selection').select(shape);
            modeler.get('canvas').scrollToElement(shape);
          }
        });
        item.appendChild(link);
        list.appendChild(item);
      });
    });
    var total = counts.error + counts.warn + counts.info;
    summary.textContent = total === 0
      ? 'Geen bevindingen: het model voldoet aan de regels.'
      : counts.error + ' fout(en), ' + counts.warn + ' waarschuwing(en)' + (counts.info ? ', ' + counts.info
        + ' opmerking(en)' : '') + '.';
    summary.className = counts.error > 0 ? 'lint-error' : '';
  }

  function openDmn(xml) {
    if (!window.CityDealDmnModeler) {
      throw new Error('bundle');
    }
    var modeler = window.CityDealDmnModeler.create(document.getElementById('dmn-editor'));
    var nav = document.getElementById('dmn-views');
    function tabs() {
      clear(nav);
      var active = modeler.getActiveView();
      modeler.getViews().forEach(function (view) {
        var label = (view.type === 'drd' ? 'Overzicht (DRD)' : (view.element.name || view.element.id));
        var tab = element('button', label, 'secondary' + (active && active.element === view.element ? ' active' : ''));
        tab.type = 'button';
        tab.addEventListener('click', function () { modeler.open(view); });
        nav.appendChild(tab);
      });
    }
    modeler.on('views.changed', tabs);
    return modeler.importXML(xml).then(function () {
      var table = modeler.getViews().filter(function (view) { return view.type === 'decisionTable'; })[0];
      var open = table ? modeler.open(table) : Promise.resolve();
      return Promise.resolve(open).then(function () {
        tabs();
        window.cityDealEditor = modeler;
        return {
          type: 'application/xml',
          content: function () {
            return modeler.saveXML({ format: true }).then(function (result) { return result.xml; });
          }
        };
      });
    });
  }

  function openForm(json) {
    if (!window.CityDealFormEditor) {
      throw new Error('bundle');
    }
    var schema = JSON.parse(json);
    var formEditor = window.CityDealFormEditor.create(document.getElementById('form-editor'));
    return formEditor.importSchema(schema).then(function () {
      window.cityDealEditor = formEditor;
      return {
        type: 'application/json',
        content: function () {
          return Promise.resolve(JSON.stringify(formEditor.saveSchema(), null, 2) + '\n');
        }
      };
    });
  }

  // ---- download, review, deploy ----

  function editedFile() {
    return editor.content().then(function (text) {
      return new Blob([text], { type: editor.type });
    });
  }

  function download() {
    editedFile().then(function (blob) {
      var url = URL.createObjectURL(blob);
      var link = element('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      say('Gedownload als ' + fileName + '. Zet het bestand in de repository (zie README) om de wijziging te bewaren.');
    }, function () {
      say('Het model kan niet worden opgeslagen: het bevat een fout.', true);
    });
  }

  function post(url, blob) {
    var body = new FormData();
    body.append('files', blob, fileName);
    var headers = {};
    headers[meta('_csrf_header')] = meta('_csrf');
    headers.Accept = 'application/json';
    return fetch(url, { method: 'POST', body: body, headers: headers, credentials: 'same-origin' });
  }

  function errorList(errors) {
    var list = element('ul');
    Object.keys(errors || {}).forEach(function (file) {
      var item = element('li');
      item.appendChild(element('strong', file));
      item.appendChild(document.createTextNode(': ' + errors[file]));
      list.appendChild(item);
    });
    return list;
  }

  var FILE_STATUS = { NEW: 'nieuw', CHANGED: 'gewijzigd', UNCHANGED: 'ongewijzigd' };
  var CHANGE = { ADDED: 'Toegevoegd', REMOVED: 'Verwijderd', CHANGED: 'Gewijzigd' };

  function table(headings) {
    var result = element('table', null, 'data');
    var head = element('thead');
    var row = element('tr');
    headings.forEach(function (heading) { row.appendChild(element('th', heading)); });
    head.appendChild(row);
    result.appendChild(head);
    result.appendChild(element('tbody'));
    return result;
  }

  function cells(tableElement, values, className) {
    var row = element('tr', null, className);
    values.forEach(function (value) {
      var cell = element('td');
      if (value instanceof Node) {
        cell.appendChild(value);
      } else {
        cell.textContent = value === null || value === undefined ? '' : String(value);
      }
      row.appendChild(cell);
    });
    tableElement.tBodies[0].appendChild(row);
  }

  function showReview(review) {
    var target = document.getElementById('review-result');
    clear(target);
    target.appendChild(element('p', review.deployable
      ? 'Deze wijziging kan worden uitgerold.'
      : 'Deze wijziging kan zo niet worden uitgerold.', review.deployable ? 'notice' : 'alert'));
    if (review.errors && Object.keys(review.errors).length > 0) {
      var alert = element('div', null, 'alert');
      alert.appendChild(element('strong', 'Fouten'));
      alert.appendChild(errorList(review.errors));
      target.appendChild(alert);
    }
    (review.files || []).forEach(function (file) {
      target.appendChild(element('h3', file.fileName + ' (' + (FILE_STATUS[file.status] || file.status) + ')'));
      if (!file.changes || file.changes.length === 0) {
        target.appendChild(element('p', file.status === 'UNCHANGED'
          ? 'Gelijk aan de uitgerolde versie.' : 'Geen wijzigingen per element.', 'muted'));
        return;
      }
      var changes = table(['Wijziging', 'Element', 'Soort', 'Details']);
      changes.classList.add('review-changes');
      file.changes.forEach(function (change) {
        var details = element('ul', null, 'plain');
        (change.details || []).forEach(function (detail) { details.appendChild(element('li', detail)); });
        cells(changes, [CHANGE[change.change] || change.change,
          (change.name ? change.name + ' ' : '') + '(' + change.elementId + ')', change.elementType, details],
        'change-' + String(change.change).toLowerCase());
      });
      target.appendChild(changes);
    });
    var schedule = review.promptSchedule;
    // a prompt whose date has passed fired already: only the date it is counted from moves
    var alreadyDue = function (move) {
      return move.from && new Date(move.from).getTime() < Date.now();
    };
    if (schedule) {
      target.appendChild(element('h3', 'Gevolgen voor de herinneringen van lopende deals'));
      target.appendChild(element('p', schedule.overdueAtOnce > 0
        ? schedule.overdueAtOnce + ' herinnering(en) zouden direct te laat zijn.'
        : 'Geen herinnering wordt direct te laat.', schedule.overdueAtOnce > 0 ? 'alert' : 'muted'));
      if (!schedule.deals || schedule.deals.length === 0) {
        target.appendChild(element('p', 'Er verschuift geen herinnering van een lopende deal.', 'muted'));
      }
      if (schedule.deals && schedule.deals.length > 0) {
        var moves = table(['Deal', 'Herinnering', 'Nu', 'Wordt', 'Direct te laat']);
        moves.classList.add('review-moves');
        schedule.deals.forEach(function (deal) {
          (deal.moves || []).forEach(function (move) {
            cells(moves, [deal.dealName || deal.dealId, move.label || move.prompt, when(move.from), when(move.to),
              move.overdueAtOnce ? 'Ja' : alreadyDue(move) ? 'Nee, al aan de beurt geweest' : 'Nee'],
            move.overdueAtOnce ? 'overdue' : null);
          });
        });
        target.appendChild(moves);
      }
    }
  }

  // An instant of the review (ISO 8601 with offset) as a Dutch date and time in Amsterdam.
  function when(iso) {
    if (!iso) {
      return '-';
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return iso;
    }
    return date.toLocaleString('nl-NL', {
      timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
    });
  }

  function problemOf(response) {
    return response.json().then(function (body) { return body; }, function () { return {}; });
  }

  function review() {
    setBusy(true);
    say('Wordt gecontroleerd...');
    var section = document.getElementById('review');
    editedFile().then(function (blob) {
      return post(root.getAttribute('data-review-url'), blob);
    }).then(function (response) {
      section.hidden = false;
      if (response.status === 404 || response.status === 405) {
        var target = document.getElementById('review-result');
        clear(target);
        target.appendChild(element('p', 'Controleren is op deze server nog niet beschikbaar; u kunt wel uitrollen '
          + '(de upload controleert het model) of downloaden.', 'muted'));
        say('Controleren is niet beschikbaar.', true);
        return;
      }
      return problemOf(response).then(function (body) {
        if (response.ok) {
          showReview(body);
          say('Gecontroleerd; zie hieronder.');
        } else {
          showReview({ deployable: false, errors: body.errors || { upload: body.detail || 'De controle mislukte.' } });
          say('De controle vond fouten.', true);
        }
      });
    }).catch(function () {
      say('Controleren lukte niet (geen verbinding of een fout in het model).', true);
    }).then(function () {
      setBusy(false);
      section.scrollIntoView();
    });
  }

  function migrationForm(offer) {
    var form = element('form', null, 'inline');
    form.method = 'post';
    form.action = root.getAttribute('data-dry-run-url');
    [['processDefinitionKey', offer.processDefinitionKey], ['sourceVersion', offer.sourceVersion],
      ['targetVersion', offer.targetVersion], [meta('_csrf_parameter'), meta('_csrf')]].forEach(function (field) {
      var input = element('input');
      input.type = 'hidden';
      input.name = field[0];
      input.value = String(field[1]);
      form.appendChild(input);
    });
    form.appendChild(element('span', offer.runningDeals + ' deal(s) op versie ' + offer.sourceVersion
      + ' naar versie ' + offer.targetVersion + ':'));
    var dryRun = element('button', 'Proefmigratie');
    dryRun.type = 'submit';
    var migrate = element('button', 'Migreren', 'secondary');
    migrate.type = 'submit';
    migrate.setAttribute('formaction', root.getAttribute('data-migrate-url'));
    form.appendChild(dryRun);
    form.appendChild(migrate);
    return form;
  }

  function showDeployed(result) {
    var target = document.getElementById('deploy-outcome');
    var deployment = result.deployment;
    clear(target);
    var versions = (deployment.processVersions || []).concat(deployment.decisionVersions || [])
      .map(function (version) { return version.key + ' versie ' + version.version; });
    target.appendChild(element('p', 'Uitgerold als ' + deployment.deploymentId + '. Nieuwe versie(s): '
      + (versions.length ? versions.join(', ') : 'geen') + '.', 'notice'));
    if ((deployment.decisionVersions || []).some(function (version) { return version.key === 'prompt-schedule'; })) {
      target.appendChild(element('p', 'De herinneringen van de lopende deals zijn meteen verschoven, zoals de controle '
        + 'liet zien; de dealpagina\'s tonen de nieuwe datums.'));
    }
    if (result.migrations && result.migrations.length > 0) {
      target.appendChild(element('p', 'Lopende deals blijven op hun versie tot ze worden gemigreerd. Doe eerst een '
        + 'proefmigratie; de uitkomst staat op Modelbeheer.'));
      result.migrations.forEach(function (offer) { target.appendChild(migrationForm(offer)); });
    } else if ((deployment.processVersions || []).length > 0) {
      target.appendChild(element('p', 'Er lopen geen deals op een oudere versie.', 'muted'));
    }
  }

  function deploy() {
    setBusy(true);
    say('Wordt uitgerold...');
    var section = document.getElementById('deploy-result');
    editedFile().then(function (blob) {
      return post(root.getAttribute('data-deploy-url'), blob);
    }).then(function (response) {
      return problemOf(response).then(function (body) {
        section.hidden = false;
        var target = document.getElementById('deploy-outcome');
        if (response.status === 201) {
          showDeployed(body);
          say('Uitgerold.');
        } else if (response.ok) {
          clear(target);
          target.appendChild(element('p', 'Niets uitgerold: het bestand is gelijk aan het uitgerolde model.', 'muted'));
          say('Niets uitgerold.');
        } else {
          clear(target);
          var alert = element('div', null, 'alert');
          alert.appendChild(element('strong', 'Niet uitgerold.'));
          alert.appendChild(errorList(body.errors || { upload: body.detail || 'Het uitrollen mislukte.' }));
          target.appendChild(alert);
          say('Niet uitgerold.', true);
        }
        section.scrollIntoView();
      });
    }).catch(function () {
      say('Uitrollen lukte niet (geen verbinding of een fout in het model).', true);
    }).then(function () {
      setBusy(false);
    });
  }

  buttons.download.addEventListener('click', download);
  buttons.review.addEventListener('click', review);
  buttons.deploy.addEventListener('click', deploy);

  var open = { bpmn: openBpmn, dmn: openDmn, form: openForm }[kind];
  fetch(root.getAttribute('data-source-url'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('source ' + response.status);
      }
      return response.text();
    })
    .then(function (text) { return open(text); })
    .then(function (opened) {
      editor = opened;
      setBusy(false);
      say('Geladen. Pas het model aan en kies Controleren.');
      root.classList.add('editor-ready');
    })
    .catch(function () {
      say('De editor kan het model niet laden.', true);
    });
})();
