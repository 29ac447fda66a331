package io.miniman;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

/** The package rules of DESIGN.md, checked on every build. */
@AnalyzeClasses(packages = "io.miniman", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A view: anything Vaadin can route to, and every class in a ui package. */
    private static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("views") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(com.vaadin.flow.router.Route.class) || c.getPackageName().endsWith(".ui")
                    || c.getPackageName().contains(".ui.");
        }
    };

    @ArchTest
    static final ArchRule viewsDoNotTouchDockerJava = noClasses().that(VIEWS)
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..");

    @ArchTest
    static final ArchRule viewsDoNotStartProcesses = noClasses().that(VIEWS)
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Runtime.class);

    @ArchTest
    static final ArchRule viewsDoNotWriteFiles = noClasses().that(VIEWS)
            .should().callMethodWhere(new DescribedPredicate<>("a java.nio.file write") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return (owner.equals("java.nio.file.Files") && (name.startsWith("write") || name.startsWith("create")
                            || name.startsWith("delete") || name.startsWith("move") || name.startsWith("copy")
                            || name.startsWith("newOutputStream") || name.startsWith("newBufferedWriter")))
                            || owner.equals("java.io.FileOutputStream") || owner.equals("java.io.FileWriter");
                }
            });

    @ArchTest
    static final ArchRule viewsDoNotUseRepositories = noClasses().that(VIEWS)
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
            .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..");

    @ArchTest
    static final ArchRule servicesDoNotKnowViews = noClasses().that(DescribedPredicate.not(VIEWS))
            // the security configuration must name the login view: that is wiring, not a service using a view
            .and().doNotHaveFullyQualifiedName("io.miniman.security.SecurityConfig")
            .should().dependOnClassesThat(VIEWS);

    @ArchTest
    static final ArchRule onlyHostStartsProcesses = noClasses().that().resideOutsideOfPackages("io.miniman.host..")
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class);

    /** Views sit on top of every feature (they show roles, the shell, operations), so cycles are judged below them. */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.miniman.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(VIEWS, DescribedPredicate.alwaysTrue())
            .ignoreDependency(DescribedPredicate.alwaysTrue(), VIEWS);
}
