package nl.citydeal.engine.processengine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed model may contain, so that deploying a model cannot run arbitrary code. Checked on the
 * administrators' upload (a 400 per element) and by the engine on every new deployment, whatever the way in
 * ({@link EngineHardeningPlugin}). Refused:
 * <ul>
 * <li>script tasks, scripts ({@code camunda:script}, script conditions with a {@code language}), script
 * resources ({@code camunda:resource}) and connectors ({@code camunda:connector});</li>
 * <li>Java classes ({@code camunda:class}, {@code camunda:variableMappingClass} and any other {@code *Class});</li>
 * <li>CMMN models;</li>
 * <li>DMN expressions in another language than FEEL;</li>
 * <li>expressions other than the grammar below.</li>
 * </ul>
 * The expression grammar: {@code camunda:delegateExpression} (and {@code camunda:variableMappingDelegateExpression})
 * is exactly one bean name, {@code ${someBean}}. Every other {@code ${...}} or {@code #{...}} is a simple condition
 * or value over variables: names, string, number and boolean literals, {@code null}, the operators
 * {@code == != < > <= >= && || ! + - * / % ?:}, their word forms ({@code and or not eq ne lt gt le ge div mod}),
 * {@code empty} and parentheses. No property access ({@code a.b}, {@code a['b']}) and no calls, except the
 * functions {@value #ALLOWED_FUNCTIONS_TEXT}.
 */
public final class DeploymentPolicy {

    static final String ALLOWED_FUNCTIONS_TEXT = "now() en dateTime()";
    private static final Set<String> ALLOWED_FUNCTIONS = Set.of("now", "dateTime");

    private static final Set<String> OPERATOR_WORDS =
            Set.of("empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod");

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> CAMUNDA_NAMESPACES = Set.of(
            CAMUNDA_NS,
            "http://camunda.org/schema/1.0/dmn",
            "http://camunda.org/schema/1.0/cmmn",
            "http://activiti.org/bpmn");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}\\s*");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|[A-Za-z_][A-Za-z0-9_]*\\s*\\(|[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?"
                    + "|==|!=|<=|>=|&&|\\|\\||[<>!+\\-*/%?:(),]|\\u0000");

    /** One thing a model may not contain, at the element (id and name) that holds it. */
    public record Violation(String elementId, String elementName, String problem) {

        /** "'UserTask_X' (Taak X): problem" */
        public String message() {
            String element = elementId == null
                    ? "het model"
                    : "'" + elementId + "'"
                            + (elementName == null || elementName.isBlank() ? "" : " (" + elementName + ")");
            return element + ": " + problem;
        }
    }

    private DeploymentPolicy() {}

    /** The policy's objections to a BPMN, DMN or CMMN resource; empty for other resources and for a clean model. */
    public static List<Violation> check(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".bpmn")
                || name.endsWith(".bpmn20.xml")
                || name.endsWith(".dmn")
                || name.endsWith(".dmn11.xml")
                || name.endsWith(".cmmn")
                || name.endsWith(".cmmn11.xml")
                || name.endsWith(".cmmn10.xml"))) {
            return List.of();
        }
        Element root;
        try {
            root = parse(content);
        } catch (Exception e) {
            // not well-formed: the engine's parser refuses it with its own message
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        if (name.contains(".cmmn")) {
            violations.add(new Violation(null, null, "CMMN-modellen zijn niet toegestaan."));
            return violations;
        }
        walk(root, null, name.contains(".dmn"), violations);
        return violations;
    }

    private static void walk(Element element, Element owner, boolean dmn, List<Violation> violations) {
        Element holder = element.hasAttribute("id") ? element : owner;
        String local = element.getLocalName();
        if ("documentation".equals(local) || "textAnnotation".equals(local) || "description".equals(local)) {
            return;
        }
        boolean camunda = isCamunda(element.getNamespaceURI());
        if ("scriptTask".equals(local)) {
            violations.add(at(element, "een scriptTask is niet toegestaan."));
        }
        if (camunda && "script".equals(local)) {
            violations.add(at(holder, "een script (camunda:script) is niet toegestaan."));
        }
        if (camunda && "connector".equals(local)) {
            violations.add(at(holder, "een connector (camunda:connector) is niet toegestaan."));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            checkAttribute(holder, attribute, dmn, violations);
        }
        if ("conditionExpression".equals(local) || "condition".equals(local) || "completionCondition".equals(local)) {
            String language = element.getAttribute("language");
            if (!language.isBlank() && !"juel".equalsIgnoreCase(language)) {
                violations.add(at(holder, "een voorwaarde in scripttaal '%s' is niet toegestaan.".formatted(language)));
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element childElement) {
                walk(childElement, holder, dmn, violations);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(holder, child.getNodeValue(), violations);
            }
        }
    }

    private static void checkAttribute(Element holder, Attr attribute, boolean dmn, List<Violation> violations) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
            return;
        }
        if (isCamunda(attribute.getNamespaceURI())) {
            if (name.equals("class") || name.endsWith("Class")) {
                violations.add(
                        at(holder, "een Java-klasse (camunda:%s=\"%s\") is niet toegestaan.".formatted(name, value)));
                return;
            }
            if (name.equals("resource")) {
                violations.add(at(holder, "een scriptbestand (camunda:resource) is niet toegestaan."));
                return;
            }
            if (name.equals("delegateExpression") || name.equals("variableMappingDelegateExpression")) {
                if (!BEAN_REFERENCE.matcher(value).matches()) {
                    violations.add(at(
                            holder,
                            ("camunda:%s \"%s\" moet precies één bean noemen, zoals ${mijnListener}.")
                                    .formatted(name, value)));
                }
                return;
            }
        }
        if (name.equals("scriptFormat")) {
            violations.add(at(holder, "een script (scriptFormat \"%s\") is niet toegestaan.".formatted(value)));
            return;
        }
        if (name.equals("expressionLanguage") || name.equals("typeLanguage")) {
            // BPMN: the engine evaluates ${...} as JUEL whatever the definitions say; DMN: FEEL only
            if (dmn && !value.toLowerCase(Locale.ROOT).contains("feel")) {
                violations.add(at(holder, "expressietaal '%s' is niet toegestaan; alleen FEEL.".formatted(value)));
            }
            return;
        }
        checkExpressions(holder, value, violations);
    }

    private static void checkExpressions(Element holder, String text, List<Violation> violations) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Matcher matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            String problem = problemOf(matcher.group(1));
            if (problem != null) {
                violations.add(
                        at(holder, "expressie \"%s\" is niet toegestaan: %s".formatted(matcher.group(), problem)));
            }
        }
    }

    /** Why an expression body falls outside the grammar, or null when it fits. */
    static String problemOf(String body) {
        String rest = STRING_LITERAL.matcher(body).replaceAll("\u0000");
        Matcher token = TOKEN.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!token.find(at) || token.start() != at) {
                char c = rest.charAt(at);
                return switch (c) {
                    case '.' -> "eigenschappen en methoden van objecten (\".\") zijn niet toegestaan.";
                    case '[' -> "indexeren (\"[...]\") is niet toegestaan.";
                    default -> "het teken '%s' is niet toegestaan.".formatted(c);
                };
            }
            String found = token.group();
            if (found.length() > 1 && found.endsWith("(")) {
                String function = found.substring(0, found.length() - 1).strip();
                if (!ALLOWED_FUNCTIONS.contains(function) && !OPERATOR_WORDS.contains(function)) {
                    return "de aanroep %s(...) is niet toegestaan; alleen %s."
                            .formatted(function, ALLOWED_FUNCTIONS_TEXT);
                }
            }
            at = token.end();
        }
        return null;
    }

    private static boolean isCamunda(String namespace) {
        return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
    }

    private static Violation at(Element element, String problem) {
        if (element == null) {
            return new Violation(null, null, problem);
        }
        String name = element.getAttribute("name");
        return new Violation(element.getAttribute("id"), name.isBlank() ? null : name, problem);
    }

    private static Element parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
    }
}
