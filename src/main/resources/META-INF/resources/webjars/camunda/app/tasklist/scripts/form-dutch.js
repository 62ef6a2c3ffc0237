/*
 * City Deal Engine: the Camunda Forms that Tasklist 7.24 draws (form-js 1.8) speak Dutch. form-js has no locale
 * switch and writes its validation messages, placeholders and list texts in English ("Field is required.",
 * "Select", "Search", "hh:mm", the date picker's months and days); this module watches the page and puts each in
 * Dutch as form-js draws it, inside forms only (.fjs-container), leaving everything else of Tasklist to its locale
 * file. The tables below hold every English text of form-js 1.8's form fields (see lib/deps.js of the webjar); a
 * browser test submits an empty form and finds none of them left. The date field's format itself follows the
 * browser's language (dd-mm-jjjj in a Dutch browser).
 * Listed in config.js customScripts and registered on the header's action plugin point, which renders once
 * when Tasklist starts.
 */

const EXACT = {
  'Field is required.': 'Dit veld is verplicht.',
  'Field must be a valid email.': 'Vul een geldig e-mailadres in.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    'Vul een geldig internationaal telefoonnummer in (bijvoorbeeld +31201234567).',
  'Date and time must both be entered.': 'Vul zowel de datum als de tijd in.',
  'Invalid date': 'Ongeldige datum',
  'Select': 'Kies',
  'Search': 'Zoeken',
  'No results': 'Geen resultaten',
  'Date': 'Datum',
  'Time': 'Tijd',
  'hh:mm': 'uu:mm',
  'hh:mm ?m': 'uu:mm',
  'Clear content': 'Leegmaken',
  // the date picker (flatpickr, inside form-js): its month list, weekdays and buttons' labels
  'Month': 'Maand',
  'Year': 'Jaar',
  'Sun': 'zo',
  'Mon': 'ma',
  'Tue': 'di',
  'Wed': 'wo',
  'Thu': 'do',
  'Fri': 'vr',
  'Sat': 'za'
};

const MONTHS = {
  January: 'januari',
  February: 'februari',
  March: 'maart',
  April: 'april',
  May: 'mei',
  June: 'juni',
  July: 'juli',
  August: 'augustus',
  September: 'september',
  October: 'oktober',
  November: 'november',
  December: 'december'
};
Object.assign(EXACT, MONTHS);

const PATTERNS = [
  [/^Field must have minimum length of (\S+)\.$/, 'Vul minstens $1 tekens in.'],
  [/^Field must have maximum length of (\S+)\.$/, 'Gebruik hoogstens $1 tekens.'],
  [/^Field must have minimum value of (\S+)\.$/, 'De waarde moet minstens $1 zijn.'],
  [/^Field must have maximum value of (\S+)\.$/, 'De waarde mag hoogstens $1 zijn.'],
  [/^Field must match pattern (.+)\.$/, 'De invoer heeft niet de gevraagde vorm ($1).'],
  // a day of the date picker, "December 2, 2026"
  [/^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/, (all, month, day, year) =>
    MONTHS[month] ? day + ' ' + MONTHS[month] + ' ' + year : all],
  // the date field's placeholder follows the browser's language (mm/dd/yyyy, dd-mm-yyyy): keep the order it
  // expects and put only the letters in Dutch
  [/^([dmy]+)([\/.\-])([dmy]+)\2([dmy]+)$/, all => all.replace('yyyy', 'jjjj').replace('yy', 'jj')]
];

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

/** The Dutch of an English text of form-js, or null when the text is not one of them. */
export function dutch(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!element && !!element.closest('.fjs-container');
}

function translateText(node) {
  const translated = dutch(node.nodeValue);
  if (translated !== null && translated !== node.nodeValue) {
    node.nodeValue = translated;
  }
}

function translateAttributes(element) {
  ATTRIBUTES.forEach(name => {
    const value = element.getAttribute(name);
    const translated = value === null ? null : dutch(value);
    if (translated !== null && translated !== value) {
      element.setAttribute(name, translated);
    }
  });
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (inForm(root)) {
      translateText(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || !(root.closest('.fjs-container') || root.querySelector('.fjs-container'))) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (!inForm(node)) {
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else {
      translateAttributes(node);
    }
  }
}

function watch() {
  if (window.cdeFormDutch) {
    return;
  }
  window.cdeFormDutch = new MutationObserver(mutations => {
    mutations.forEach(mutation => {
      if (mutation.type === 'characterData') {
        translateTree(mutation.target);
      } else if (mutation.type === 'attributes') {
        if (inForm(mutation.target)) {
          translateAttributes(mutation.target);
        }
      } else {
        mutation.addedNodes.forEach(translateTree);
      }
    });
  });
  window.cdeFormDutch.observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  translateTree(document.body);
}

export default {
  id: 'city-deal-form-dutch',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render() {
    watch();
  }
};
