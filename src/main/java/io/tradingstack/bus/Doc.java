package io.tradingstack.bus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a component of a result record means, for the JSON Schema that {@link PlainSchema} derives
 * from the record. The record is then the one source of both the result ({@link Plain} converts it)
 * and its published schema: a component added, renamed or retyped changes both.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {
    /** The description published in the schema. */
    String value();

    /** The value may be null (it is then explained by a reason elsewhere in the result). */
    boolean nullable() default false;

    /** The only values a string may take, when the component is not typed as a Java enum. */
    String[] oneOf() default {};

    /** Minimum of an integer (0 for counts); unset by default. */
    long min() default Long.MIN_VALUE;

    /** The values of a map (or the items of a list) may be null, each explained by a reason elsewhere in the result. */
    boolean nullableValues() default false;

    /**
     * The component is a map whose entries are further keys of the enclosing object (an open object
     * such as the user's preferences: its known keys are components, any others are here).
     */
    boolean spread() default false;

    /** The JSON key, when it cannot be the snake_case of the component's name (a Java keyword such as {@code default}). */
    String key() default "";
}
