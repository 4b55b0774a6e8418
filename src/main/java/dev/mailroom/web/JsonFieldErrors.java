package dev.mailroom.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: a request body of the wrong JSON shape is answered with the field named, like a validation
 * failure ({@link JsonBodyProblems}).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonFieldErrors {

    /** The name given to a body that is itself a JSON array, so its items read {@code ids[1]}. */
    String topLevelArray() default "";

    /** The message when the body is not JSON at all. */
    String whenUnparseable() default "must be a JSON object";
}
