package dev.claimtrail.query.infra.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class or method that needs an operator key (admin, replay) once operator keys are
 * configured; every other resource needs a reader key once reader keys are. An annotation rather than
 * a path rule, so the check follows the resource JAX-RS actually matched, whatever spelling of the path
 * reached it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorOnly {
}
