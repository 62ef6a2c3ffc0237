package nl.citydeal.engine.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an uploaded model or form changes against the deployed version of the same file, element by element, in
 * Dutch. BPMN and DMN are read as XML: every element with an id is matched by its id (a DMN rule by its rule id,
 * with its input and output entries under their column's label; an event with its event definitions; a task with
 * its listeners, parameters and documentation), the diagram's layout counts as one element. A form's components are
 * matched by their key, else their id. Nothing here knows the engine: it compares what the files say.
 */
@Component
public final class ModelDiffs {

    static final int MAX_DETAILS = 25;
    static final int MAX_VALUE = 200;
    private static final String NONE = "(geen)";

    private static final Set<String> SKIPPED = Set.of("incoming", "outgoing");
    private static final String LAYOUT = "Opmaak (posities en lijnen)";

    /** Elements whose attributes and children belong to the element around them. */
    private static final Set<String> TRANSPARENT = Set.of(
            "extensionElements",
            "inputOutput",
            "properties",
            "decisionTable",
            "timerEventDefinition",
            "messageEventDefinition",
            "signalEventDefinition",
            "errorEventDefinition",
            "escalationEventDefinition",
            "conditionalEventDefinition",
            "terminateEventDefinition",
            "compensateEventDefinition",
            "linkEventDefinition",
            "cancelEventDefinition",
            "multiInstanceLoopCharacteristics",
            "standardLoopCharacteristics",
            "formData");

    /** Elements that are a value of the element around them, even when they carry an id. */
    private static final Set<String> VALUES = Set.of(
            "inputEntry",
            "outputEntry",
            "inputExpression",
            "outputValues",
            "inputValues",
            "literalExpression",
            "text",
            "documentation",
            "description",
            "conditionExpression",
            "condition",
            "timeDate",
            "timeCycle",
            "timeDuration",
            "script",
            "loopCardinality",
            "completionCondition",
            "formField",
            "executionListener",
            "taskListener",
            "inputParameter",
            "outputParameter",
            "property",
            "field",
            "in",
            "out");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("process", "Proces"),
            Map.entry("collaboration", "Samenwerking"),
            Map.entry("participant", "Deelnemer"),
            Map.entry("laneSet", "Banenset"),
            Map.entry("lane", "Baan"),
            Map.entry("userTask", "Gebruikerstaak"),
            Map.entry("serviceTask", "Servicetaak"),
            Map.entry("businessRuleTask", "Beslistaak"),
            Map.entry("scriptTask", "Scripttaak"),
            Map.entry("sendTask", "Verzendtaak"),
            Map.entry("receiveTask", "Ontvangsttaak"),
            Map.entry("manualTask", "Handmatige taak"),
            Map.entry("task", "Taak"),
            Map.entry("callActivity", "Aanroep van een proces"),
            Map.entry("subProcess", "Subproces"),
            Map.entry("transaction", "Transactie"),
            Map.entry("startEvent", "Startgebeurtenis"),
            Map.entry("endEvent", "Eindgebeurtenis"),
            Map.entry("boundaryEvent", "Grensgebeurtenis"),
            Map.entry("intermediateCatchEvent", "Tussengebeurtenis (wachten)"),
            Map.entry("intermediateThrowEvent", "Tussengebeurtenis (werpen)"),
            Map.entry("exclusiveGateway", "Exclusieve gateway"),
            Map.entry("parallelGateway", "Parallelle gateway"),
            Map.entry("inclusiveGateway", "Inclusieve gateway"),
            Map.entry("eventBasedGateway", "Gebeurtenisgateway"),
            Map.entry("complexGateway", "Complexe gateway"),
            Map.entry("sequenceFlow", "Stroom"),
            Map.entry("messageFlow", "Berichtstroom"),
            Map.entry("association", "Associatie"),
            Map.entry("textAnnotation", "Tekstannotatie"),
            Map.entry("dataObject", "Dataobject"),
            Map.entry("dataObjectReference", "Dataobjectverwijzing"),
            Map.entry("dataStoreReference", "Datastoreverwijzing"),
            Map.entry("message", "Bericht"),
            Map.entry("signal", "Signaal"),
            Map.entry("error", "Fout"),
            Map.entry("escalation", "Escalatie"),
            Map.entry("decision", "Beslissing"),
            Map.entry("input", "Invoerkolom"),
            Map.entry("output", "Uitvoerkolom"),
            Map.entry("rule", "Regel"),
            Map.entry("inputData", "Invoergegevens"),
            Map.entry("knowledgeSource", "Kennisbron"),
            Map.entry("businessKnowledgeModel", "Kennismodel"),
            Map.entry("BPMNDiagram", "Diagram"),
            Map.entry("DMNDiagram", "Diagram"));

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "Naam"),
            Map.entry("formRef", "Formulier"),
            Map.entry("formRefBinding", "Formulierbinding"),
            Map.entry("formRefVersion", "Formulierversie"),
            Map.entry("formKey", "Formulier (formKey)"),
            Map.entry("candidateGroups", "Kandidaatgroepen"),
            Map.entry("candidateUsers", "Kandidaatgebruikers"),
            Map.entry("assignee", "Toegewezen aan"),
            Map.entry("dueDate", "Vervaldatum"),
            Map.entry("followUpDate", "Opvolgdatum"),
            Map.entry("priority", "Prioriteit"),
            Map.entry("delegateExpression", "Delegate-expressie"),
            Map.entry("class", "Java-klasse"),
            Map.entry("expression", "Expressie"),
            Map.entry("resultVariable", "Resultaatvariabele"),
            Map.entry("decisionRef", "Beslissing"),
            Map.entry("decisionRefBinding", "Beslissingsbinding"),
            Map.entry("mapDecisionResult", "Beslissingsresultaat"),
            Map.entry("calledElement", "Aangeroepen proces"),
            Map.entry("sourceRef", "Van"),
            Map.entry("targetRef", "Naar"),
            Map.entry("default", "Standaardstroom"),
            Map.entry("attachedToRef", "Vast aan"),
            Map.entry("cancelActivity", "Onderbrekend"),
            Map.entry("isInterrupting", "Onderbrekend"),
            Map.entry("isExecutable", "Uitvoerbaar"),
            Map.entry("historyTimeToLive", "Bewaartermijn historie (dagen)"),
            Map.entry("versionTag", "Versielabel"),
            Map.entry("asyncBefore", "Asynchroon vooraf"),
            Map.entry("asyncAfter", "Asynchroon achteraf"),
            Map.entry("exclusive", "Exclusief"),
            Map.entry("jobPriority", "Jobprioriteit"),
            Map.entry("messageRef", "Bericht"),
            Map.entry("signalRef", "Signaal"),
            Map.entry("errorRef", "Fout"),
            Map.entry("escalationRef", "Escalatie"),
            Map.entry("errorCode", "Foutcode"),
            Map.entry("escalationCode", "Escalatiecode"),
            Map.entry("hitPolicy", "Hitbeleid"),
            Map.entry("aggregation", "Aggregatie"),
            Map.entry("label", "Label"),
            Map.entry("typeRef", "Type"),
            Map.entry("collection", "Collectie"),
            Map.entry("elementVariable", "Elementvariabele"),
            Map.entry("isSequential", "Na elkaar"),
            Map.entry("triggeredByEvent", "Gestart door een gebeurtenis"),
            Map.entry("initiator", "Starter"),
            Map.entry("topic", "Topic"),
            Map.entry("processRef", "Proces"),
            Map.entry("documentation", "Documentatie"),
            Map.entry("description", "Beschrijving"),
            Map.entry("conditionExpression", "Voorwaarde"),
            Map.entry("condition", "Voorwaarde"),
            Map.entry("timeDate", "Timer: tijdstip"),
            Map.entry("timeCycle", "Timer: herhaling"),
            Map.entry("timeDuration", "Timer: duur"),
            Map.entry("executionListener", "Uitvoeringsluisteraar"),
            Map.entry("taskListener", "Taakluisteraar"),
            Map.entry("inputParameter", "Invoerparameter"),
            Map.entry("outputParameter", "Uitvoerparameter"),
            Map.entry("property", "Eigenschap"),
            Map.entry("field", "Veld"),
            Map.entry("in", "Invoervariabele"),
            Map.entry("out", "Uitvoervariabele"),
            Map.entry("inputExpression", "Invoerexpressie"),
            Map.entry("outputValues", "Toegestane waarden"),
            Map.entry("inputValues", "Toegestane waarden"),
            Map.entry("script", "Script"),
            Map.entry("loopCardinality", "Aantal herhalingen"),
            Map.entry("completionCondition", "Voltooiingsvoorwaarde"),
            Map.entry("formField", "Formulierveld"),
            Map.entry("text", "Tekst"),
            Map.entry("eventDefinition", "Soort gebeurtenis"));

    private static final Map<String, String> EVENT_DEFINITIONS = Map.of(
            "timerEventDefinition", "Timer",
            "messageEventDefinition", "Bericht",
            "signalEventDefinition", "Signaal",
            "errorEventDefinition", "Fout",
            "escalationEventDefinition", "Escalatie",
            "conditionalEventDefinition", "Voorwaarde",
            "terminateEventDefinition", "Beëindigen",
            "compensateEventDefinition", "Compensatie",
            "linkEventDefinition", "Link",
            "cancelEventDefinition", "Annuleren");

    private static final Map<String, String> FORM_TYPES = Map.ofEntries(
            Map.entry("default", "Formulier"),
            Map.entry("textfield", "Tekstveld"),
            Map.entry("textarea", "Tekstvak"),
            Map.entry("number", "Getal"),
            Map.entry("checkbox", "Vinkje"),
            Map.entry("checklist", "Meerkeuzelijst"),
            Map.entry("radio", "Keuzerondjes"),
            Map.entry("select", "Keuzelijst"),
            Map.entry("taglist", "Labellijst"),
            Map.entry("datetime", "Datum en tijd"),
            Map.entry("text", "Tekst"),
            Map.entry("html", "HTML"),
            Map.entry("group", "Groep"),
            Map.entry("dynamiclist", "Herhaalbare groep"),
            Map.entry("button", "Knop"),
            Map.entry("separator", "Scheidingslijn"),
            Map.entry("spacer", "Witruimte"),
            Map.entry("image", "Afbeelding"),
            Map.entry("table", "Tabel"),
            Map.entry("iframe", "Iframe"),
            Map.entry("expression", "Expressie"),
            Map.entry("filepicker", "Bestandskeuze"));

    private static final Map<String, String> FORM_LABELS = Map.ofEntries(
            Map.entry("label", "Label"),
            Map.entry("type", "Type"),
            Map.entry("key", "Sleutel"),
            Map.entry("path", "Pad"),
            Map.entry("description", "Beschrijving"),
            Map.entry("validate", "Validatie"),
            Map.entry("values", "Keuzes"),
            Map.entry("valuesKey", "Keuzes uit variabele"),
            Map.entry("text", "Tekst"),
            Map.entry("defaultValue", "Standaardwaarde"),
            Map.entry("readonly", "Alleen lezen"),
            Map.entry("disabled", "Uitgeschakeld"),
            Map.entry("conditional", "Voorwaarde (verbergen)"),
            Map.entry("appearance", "Weergave"),
            Map.entry("subtype", "Soort"),
            Map.entry("dateLabel", "Label datum"),
            Map.entry("timeLabel", "Label tijd"),
            Map.entry("schemaVersion", "Schemaversie"),
            Map.entry("executionPlatform", "Platform"),
            Map.entry("executionPlatformVersion", "Platformversie"));

    private static final Set<String> FORM_IGNORED = Set.of("id", "components", "layout", "exporter");

    private final ObjectMapper json;

    public ModelDiffs(ObjectMapper json) {
        this.json = json;
    }

    /**
     * How the uploaded file differs from the deployed content of the same file ({@code null}: not deployed, new).
     *
     * @throws InvalidUploadException when the uploaded file is no readable XML (BPMN, DMN) or JSON (form)
     */
    public FileDiff diff(ModelFile file, byte[] deployed) {
        String kind = FileDiff.kindOf(file);
        Map<String, Item> uploaded = read(file.fileName(), kind, file.content());
        if (deployed == null) {
            return new FileDiff(
                    file.fileName(),
                    kind,
                    FileDiff.Status.NEW,
                    uploaded.values().stream()
                            .map(item -> item.change(ModelChange.Change.ADDED, item.listing()))
                            .toList());
        }
        if (Arrays.equals(deployed, file.content())) {
            return new FileDiff(file.fileName(), kind, FileDiff.Status.UNCHANGED, List.of());
        }
        Map<String, Item> before;
        try {
            before = read(file.fileName(), kind, deployed);
        } catch (InvalidUploadException e) {
            before = Map.of();
        }
        List<ModelChange> changes = new ArrayList<>();
        for (Item item : uploaded.values()) {
            Item old = before.get(item.id());
            if (old == null) {
                changes.add(item.change(ModelChange.Change.ADDED, item.listing()));
            } else {
                List<String> details = old.changesTo(item);
                if (!details.isEmpty() || !Objects.equals(old.type(), item.type())) {
                    if (!Objects.equals(old.type(), item.type())
                            && details.stream().noneMatch(line -> line.startsWith("Type: "))) {
                        details = new ArrayList<>(details);
                        details.add(0, "Soort: '%s' → '%s'".formatted(old.type(), item.type()));
                    }
                    changes.add(item.change(ModelChange.Change.CHANGED, bounded(details)));
                }
            }
        }
        for (Item old : before.values()) {
            if (!uploaded.containsKey(old.id())) {
                changes.add(old.change(ModelChange.Change.REMOVED, old.listing()));
            }
        }
        return new FileDiff(file.fileName(), kind, FileDiff.Status.CHANGED, changes);
    }

    /** One element as compared: its id, kind, name and properties (label to values, in document order). */
    private record Item(String id, String type, String name, Map<String, List<String>> properties) {

        Item(String id, String type, String name) {
            this(id, type, name, new LinkedHashMap<>());
        }

        void add(String label, String value) {
            if (value != null && !value.isBlank()) {
                properties.computeIfAbsent(label, key -> new ArrayList<>()).add(shorten(value));
            }
        }

        List<String> listing() {
            List<String> lines = new ArrayList<>();
            properties.forEach((label, values) -> {
                if (!LAYOUT.equals(label)) {
                    lines.add(label + ": " + quoted(values));
                }
            });
            return bounded(lines);
        }

        List<String> changesTo(Item after) {
            Set<String> labels = new LinkedHashSet<>(after.properties.keySet());
            labels.addAll(properties.keySet());
            List<String> lines = new ArrayList<>();
            for (String label : labels) {
                List<String> from = properties.getOrDefault(label, List.of());
                List<String> to = after.properties.getOrDefault(label, List.of());
                if (!from.equals(to) && LAYOUT.equals(label)) {
                    lines.add(LAYOUT + " gewijzigd");
                } else if (!from.equals(to)) {
                    lines.add("%s: %s → %s".formatted(label, quoted(from), quoted(to)));
                }
            }
            return lines;
        }

        ModelChange change(ModelChange.Change change, List<String> details) {
            return new ModelChange(change, id, type, name, details);
        }

        private static String quoted(List<String> values) {
            return values.isEmpty()
                    ? NONE
                    : String.join(
                            ", ",
                            values.stream().map(value -> "'" + value + "'").toList());
        }
    }

    private Map<String, Item> read(String fileName, String kind, byte[] content) {
        return "form".equals(kind)
                ? readForm(fileName, content)
                : readXml(fileName, "bpmn".equals(kind) ? "BPMN" : "DMN", content);
    }

    // --- BPMN and DMN

    private static Map<String, Item> readXml(String fileName, String kind, byte[] content) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw InvalidUploadException.of(
                    fileName,
                    "Geen geldig %s-bestand: %s (regel %d, kolom %d)"
                            .formatted(kind, e.getMessage(), e.getLineNumber(), e.getColumnNumber()));
        } catch (SAXException | IOException e) {
            throw InvalidUploadException.of(fileName, "Geen geldig %s-bestand: %s".formatted(kind, e.getMessage()));
        }
        Map<String, Item> items = new LinkedHashMap<>();
        walk(document.getDocumentElement(), null, items);
        return items;
    }

    private static void walk(Element parent, Item owner, Map<String, Item> items) {
        for (Element child : children(parent)) {
            String local = localName(child);
            if (SKIPPED.contains(local)) {
                continue;
            }
            if (isDiagram(child)) {
                if (TYPES.containsKey(local)) {
                    Item layout = new Item(idOf(child, local), TYPES.get(local), null);
                    layout.add(LAYOUT, Integer.toHexString(render(child, true).hashCode()));
                    items.put(layout.id(), layout);
                }
                continue;
            }
            String id = child.getAttribute("id");
            if (TRANSPARENT.contains(local)) {
                if (owner != null) {
                    if (EVENT_DEFINITIONS.containsKey(local)) {
                        owner.add(LABELS.get("eventDefinition"), EVENT_DEFINITIONS.get(local));
                    }
                    attributes(child, owner);
                }
                walk(child, owner, items);
            } else if (!id.isBlank() && !VALUES.contains(local)) {
                Item item = new Item(id, TYPES.getOrDefault(local, local), nameOf(child, local, parent));
                attributes(child, item);
                if ("rule".equals(local)) {
                    rule(child, item);
                } else {
                    walk(child, item, items);
                }
                items.put(id, item);
            } else if (owner != null) {
                owner.add(LABELS.getOrDefault(local, local), render(child, false));
            } else {
                walk(child, null, items);
            }
        }
    }

    /** A rule's description, then each entry under its column's label, in the columns' order. */
    private static void rule(Element rule, Item item) {
        Element table = (Element) rule.getParentNode();
        List<String> inputs = columns(table, "input");
        List<String> outputs = columns(table, "output");
        int input = 0;
        int output = 0;
        for (Element entry : children(rule)) {
            String local = localName(entry);
            String text = render(entry, false);
            if ("inputEntry".equals(local)) {
                item.add(label(inputs, input++, "Invoer"), text.isBlank() ? "-" : text);
            } else if ("outputEntry".equals(local)) {
                item.add(label(outputs, output++, "Uitvoer"), text.isBlank() ? NONE : text);
            } else {
                item.add(LABELS.getOrDefault(local, local), text);
            }
        }
    }

    private static List<String> columns(Element table, String kind) {
        List<String> labels = new ArrayList<>();
        for (Element column : children(table)) {
            if (kind.equals(localName(column))) {
                String label = column.getAttribute("label");
                labels.add(label.isBlank() ? column.getAttribute("name") : label);
            }
        }
        return labels;
    }

    private static String label(List<String> columns, int index, String kind) {
        String label = index < columns.size() ? columns.get(index) : "";
        return label.isBlank() ? kind + " " + (index + 1) : label;
    }

    private static String nameOf(Element element, String local, Element parent) {
        String name = element.getAttribute("name");
        if ("rule".equals(local)) {
            String description = childText(element, "description");
            if (!description.isBlank()) {
                return shorten(description, 80);
            }
            int number = 1;
            for (Node previous = element.getPreviousSibling();
                    previous != null;
                    previous = previous.getPreviousSibling()) {
                if (previous instanceof Element sibling && "rule".equals(localName(sibling))) {
                    number++;
                }
            }
            return "Regel " + number + " van " + nameOrId((Element) parent.getParentNode());
        }
        if (name.isBlank()) {
            name = element.getAttribute("label");
        }
        if (name.isBlank() && "textAnnotation".equals(local)) {
            name = shorten(childText(element, "text"), 80);
        }
        return name.isBlank() ? null : name;
    }

    private static String nameOrId(Element element) {
        String name = element.getAttribute("name");
        return name.isBlank() ? element.getAttribute("id") : name;
    }

    /** The attributes as properties, the name first. */
    private static void attributes(Element element, Item item) {
        List<Attr> attributes = attributes(element);
        attributes.sort(Comparator.comparing(attribute -> "name".equals(localName(attribute)) ? 0 : 1));
        for (Attr attribute : attributes) {
            String local = localName(attribute);
            if (!"id".equals(local)) {
                item.add(LABELS.getOrDefault(local, local), attribute.getValue());
            }
        }
    }

    /** The element as one line: its attributes (the event or parameter name first) and its text. */
    private static String render(Element element, boolean withIds) {
        List<String> parts = new ArrayList<>();
        String lead = null;
        for (Attr attribute : attributes(element)) {
            String local = localName(attribute);
            if ((!withIds && "id".equals(local))
                    || "type".equals(local)
                            && XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            if (lead == null && ("event".equals(local) || "name".equals(local))) {
                lead = attribute.getValue();
            } else {
                parts.add(local + "=" + attribute.getValue());
            }
        }
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            } else if (node instanceof Element child) {
                text.append(' ').append(render(child, withIds));
            }
        }
        String body = text.toString().replaceAll("\\s+", " ").strip();
        String attributes = String.join(", ", parts);
        StringBuilder line = new StringBuilder();
        if (lead != null) {
            line.append(lead);
        }
        if (!attributes.isEmpty()) {
            line.append(line.isEmpty() ? "" : ": ").append(attributes);
        }
        if (!body.isEmpty()) {
            line.append(line.isEmpty() ? "" : lead != null && attributes.isEmpty() ? " = " : " – ")
                    .append(body);
        }
        return line.toString();
    }

    private static boolean isDiagram(Element element) {
        String namespace = element.getNamespaceURI();
        return namespace != null
                && (namespace.endsWith("/DI")
                        || namespace.endsWith("/DI/")
                        || namespace.contains("DMNDI")
                        || namespace.contains("/DD/"));
    }

    private static String idOf(Element element, String local) {
        String id = element.getAttribute("id");
        return id.isBlank() ? local : id;
    }

    private static String childText(Element element, String local) {
        for (Element child : children(element)) {
            if (local.equals(localName(child))) {
                return child.getTextContent().replaceAll("\\s+", " ").strip();
            }
        }
        return "";
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<Attr> attributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> attributes = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            String name = attribute.getName();
            if (!name.equals("xmlns") && !name.startsWith("xmlns:")) {
                attributes.add(attribute);
            }
        }
        return attributes;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No secure XML parser", e);
        }
    }

    // --- forms

    private Map<String, Item> readForm(String fileName, byte[] content) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (JsonProcessingException e) {
            throw InvalidUploadException.of(
                    fileName,
                    "Geen geldig formulier, de JSON is onleesbaar: %s (regel %d, kolom %d)"
                            .formatted(
                                    e.getOriginalMessage(),
                                    e.getLocation() == null
                                            ? 0
                                            : e.getLocation().getLineNr(),
                                    e.getLocation() == null
                                            ? 0
                                            : e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw InvalidUploadException.of(fileName, "Geen geldig formulier: " + e.getMessage());
        }
        if (form == null || !form.isObject()) {
            throw InvalidUploadException.of(fileName, "Geen geldig formulier: het bestand is geen JSON-object.");
        }
        Map<String, Item> items = new LinkedHashMap<>();
        component(form, items, true);
        return items;
    }

    private static void component(JsonNode component, Map<String, Item> items, boolean root) {
        String key = text(component.get("key"));
        String id = root ? "formulier" : key != null ? key : text(component.get("id"));
        String type = text(component.get("type"));
        if (id != null) {
            String name = text(component.get("label"));
            if (name == null && !root) {
                name = text(component.get("text"));
            }
            if (root) {
                name = text(component.get("id"));
            }
            Item item = new Item(
                    id,
                    root ? "Formulier" : FORM_TYPES.getOrDefault(type, type),
                    name == null ? null : shorten(name, 80));
            for (Iterator<Map.Entry<String, JsonNode>> fields = component.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!FORM_IGNORED.contains(field.getKey()) && !(root && "type".equals(field.getKey()))) {
                    JsonNode value = field.getValue();
                    item.add(
                            FORM_LABELS.getOrDefault(field.getKey(), field.getKey()),
                            value.isValueNode() ? value.asText() : value.toString());
                }
            }
            if (root) {
                item.add("Id", text(component.get("id")));
            }
            items.putIfAbsent(id, item);
        }
        JsonNode children = component.get("components");
        if (children != null && children.isArray()) {
            children.forEach(child -> component(child, items, false));
        }
    }

    private static String text(JsonNode node) {
        return node == null
                        || node.isNull()
                        || !node.isValueNode()
                        || node.asText().isBlank()
                ? null
                : node.asText();
    }

    // --- text

    private static List<String> bounded(List<String> lines) {
        if (lines.size() <= MAX_DETAILS) {
            return lines;
        }
        List<String> bounded = new ArrayList<>(lines.subList(0, MAX_DETAILS));
        bounded.add("… en nog %d".formatted(lines.size() - MAX_DETAILS));
        return bounded;
    }

    private static String shorten(String value) {
        return shorten(value, MAX_VALUE);
    }

    private static String shorten(String value, int max) {
        String line = value.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
