// Deal page: draws the deal's deployed BPMN with bpmn-js (vendor/bpmn-js) and marks where the deal stands.
// The JSON comes from GET /deals/{id}/diagram: {xml, running, activeActivityIds, completedActivityIds}.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  var status = document.getElementById('diagram-status');
  if (!container) {
    return;
  }

  function fail() {
    container.classList.add('failed');
    if (status) {
      status.textContent = 'Het procesdiagram kan hier niet worden getoond; de huidige stap staat hierboven.';
    }
  }

  if (typeof window.BpmnJS !== 'function' || typeof window.fetch !== 'function') {
    fail();
    return;
  }

  // Marks the activities; an expanded sub-process is left as it is, since its fill would cover what it holds.
  function mark(canvas, registry, ids, marker) {
    ids.forEach(function (id) {
      var element = registry.get(id);
      if (element && element.type !== 'bpmn:SubProcess') {
        canvas.addMarker(id, marker);
      }
    });
  }

  // The area around the given elements, with room to read their neighbours; null when there are none.
  function around(registry, ids) {
    var box = null;
    ids.forEach(function (id) {
      var element = registry.get(id);
      if (!element || element.waypoints || element.type === 'bpmn:SubProcess') {
        return;
      }
      box = box ? {
        x1: Math.min(box.x1, element.x), y1: Math.min(box.y1, element.y),
        x2: Math.max(box.x2, element.x + element.width), y2: Math.max(box.y2, element.y + element.height)
      } : { x1: element.x, y1: element.y, x2: element.x + element.width, y2: element.y + element.height };
    });
    if (!box) {
      return null;
    }
    // at least this much of the diagram around the current steps, so that their neighbours show too
    var width = Math.max(box.x2 - box.x1 + 320, 1300);
    var height = Math.max(box.y2 - box.y1 + 320, 520);
    var centreX = (box.x1 + box.x2) / 2;
    var centreY = (box.y1 + box.y2) / 2;
    return { x: centreX - width / 2, y: centreY - height / 2, width: width, height: height };
  }

  // "Hele proces" fits the whole diagram; "Huidige stap" goes back to the current steps (when there are any).
  function tools(canvas, current) {
    var all = document.getElementById('diagram-all');
    var here = document.getElementById('diagram-current');
    if (all) {
      all.hidden = false;
      all.addEventListener('click', function () {
        canvas.zoom('fit-viewport', 'auto');
      });
    }
    if (here && current) {
      here.hidden = false;
      here.addEventListener('click', function () {
        canvas.viewbox(current);
      });
    }
  }

  fetch(container.getAttribute('data-diagram-url'), {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json' }
  }).then(function (response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }).then(function (diagram) {
    var viewer = new window.BpmnJS({ container: container });
    return viewer.importXML(diagram.xml).then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      mark(canvas, registry, diagram.completedActivityIds || [], 'cde-completed');
      mark(canvas, registry, diagram.activeActivityIds || [], 'cde-current');
      var current = around(registry, diagram.activeActivityIds || []);
      if (current) {
        canvas.viewbox(current);
      } else {
        canvas.zoom('fit-viewport', 'auto');
      }
      tools(canvas, current);
      container.classList.add('rendered');
      container.setAttribute('data-current', (diagram.activeActivityIds || []).join(' '));
      if (status) {
        status.textContent = '';
        status.hidden = true;
      }
    });
  }).catch(fail);
})();
