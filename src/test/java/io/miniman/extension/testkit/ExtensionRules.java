package io.miniman.extension.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rule that keeps an extension on the public API: of the console, its classes may use only the
 * package {@code io.miniman.extension}. Everything else of the console changes without notice.
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.example.hello", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ApiOnlyTest { &#64;ArchTest static final ArchRule apiOnly = ExtensionRules.ONLY_THE_EXTENSION_API; }
 * </pre>
 */
public final class ExtensionRules {

    public static final ArchRule ONLY_THE_EXTENSION_API = noClasses()
            .should().dependOnClassesThat(resideInAPackage("io.miniman..").and(not(resideInAPackage("io.miniman.extension"))))
            .because("an extension may use only the console's public API, io.miniman.extension (docs/extending.md)");

    private ExtensionRules() {
    }
}
