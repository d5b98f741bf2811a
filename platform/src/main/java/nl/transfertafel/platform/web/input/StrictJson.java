package nl.transfertafel.platform.web.input;

import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read (issue 11 item 18): strictly, so a client's mistake is a 400 naming
 * the field, never a silently different request. Only the web layer's request decoder uses this
 * mapper; events ({@code EventJson}) and the calls between services keep their lenient mappers, so a
 * newer producer's extra field never breaks an older reader.
 *
 * <ul>
 *   <li>an unknown property is refused ({@code unknown-field}): a misspelt optional field would
 *       otherwise be dropped without a word;</li>
 *   <li>no scalar coercion: a number for a boolean or a text, a text for a number, a boolean for a
 *       number ({@code wrong-type}), a fraction for a whole number ({@code whole-number});</li>
 *   <li>a null element in an array, list or map is refused ({@code not-null});</li>
 *   <li>a text with C0 control characters (other than tab, line feed, carriage return), Unicode
 *       format characters (category Cf: zero width, bidirectional overrides) or lone surrogates is
 *       refused ({@code control-characters}); they hide or reorder what a coordinator reads;</li>
 *   <li>a non-empty text of whitespace only is refused ({@code blank}): it passes {@code @NotNull}
 *       and {@code @Size} but says nothing.</li>
 * </ul>
 */
public final class StrictJson {

    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String WHOLE_NUMBER = "whole-number";
    public static final String NOT_NULL = "not-null";
    public static final String CONTROL_CHARACTERS = "control-characters";
    public static final String BLANK = "blank";

    private StrictJson() {
    }

    /** The request-body mapper: the service's own mapper (its modules, dates...) made strict. */
    public static JsonMapper strict(JsonMapper lenient) {
        return lenient.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // an id, a date or an enum written as "" or as whitespace is not "left out": refused, not null
                .withCoercionConfig(LogicalType.OtherScalar, scalar -> scalar
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, whole -> whole
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, fraction -> fraction
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultNullHandling(handling -> handling.withContentNulls(Nulls.FAIL))
                .addModule(texts())
                .build();
    }

    /** Checks every text read into a {@code String} (fields, list elements) for what it may not hold. */
    static SimpleModule texts() {
        SimpleModule module = new SimpleModule("transfertafel-strict-texts");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return description.getBeanClass() == String.class ? new CheckedText(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** The rule a text breaks, or null when it is acceptable. */
    public static String brokenRule(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean onlyWhitespace = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = text.codePointAt(i);
                    if (Character.getType(codePoint) == Character.FORMAT) {
                        return CONTROL_CHARACTERS;
                    }
                    onlyWhitespace = false;
                    i++;
                    continue;
                }
                return CONTROL_CHARACTERS;
            }
            if (Character.isLowSurrogate(c)) {
                return CONTROL_CHARACTERS;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F
                    || Character.getType(c) == Character.FORMAT) {
                return CONTROL_CHARACTERS;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                onlyWhitespace = false;
            }
        }
        return onlyWhitespace ? BLANK : null;
    }

    /** A text refused by one of the rules above; Jackson adds the JSON path of the field. */
    public static final class TextRefused extends MismatchedInputException {

        private final String rule;

        TextRefused(JsonParser parser, String rule) {
            super(parser, CONTROL_CHARACTERS.equals(rule)
                    ? "a text may not contain control or invisible formatting characters"
                    : "a text may not consist of whitespace only", String.class);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private static final class CheckedText extends DelegatingDeserializer {

        CheckedText(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedText(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            String rule = value instanceof String text ? brokenRule(text) : null;
            if (rule != null) {
                throw new TextRefused(parser, rule);
            }
            return value;
        }
    }
}
