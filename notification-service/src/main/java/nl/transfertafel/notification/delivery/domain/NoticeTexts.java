package nl.transfertafel.notification.delivery.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.transfertafel.notification.routing.domain.Notice;

/**
 * The texts of every notice in Dutch and English, from templates with {@code {placeholders}}. The
 * only values a template can use are the ones {@link ThinNotification} carries (ids, types, the
 * region and the link), so a message cannot carry personal data: there is none to put in.
 */
public final class NoticeTexts {

    public record Text(String title, String body) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<Language, Map<String, String>> templates;

    /** @param templates per language, keys {@code <NOTICE>.title} and {@code <NOTICE>.body} */
    public NoticeTexts(Map<Language, Map<String, String>> templates) {
        this.templates = new EnumMap<>(templates);
        for (Language language : Language.values()) {
            for (Notice notice : Notice.values()) {
                template(language, notice + ".title");
                template(language, notice + ".body");
            }
        }
    }

    public Text render(Notice notice, Language language, Map<String, String> values) {
        return new Text(fill(template(language, notice + ".title"), values),
                fill(template(language, notice + ".body"), values));
    }

    public Map<Language, Text> renderAll(Notice notice, Map<String, String> values) {
        Map<Language, Text> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            all.put(language, render(notice, language, values));
        }
        return all;
    }

    private String template(Language language, String key) {
        Map<String, String> forLanguage = templates.get(language);
        String template = forLanguage == null ? null : forLanguage.get(key);
        if (template == null || template.isBlank()) {
            throw new IllegalStateException("no " + language + " template " + key);
        }
        return template;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template uses unknown placeholder {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
