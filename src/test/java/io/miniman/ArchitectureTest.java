package io.miniman;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Consumer;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md, checked on every build. */
@AnalyzeClasses(packages = "io.miniman", importOptions = {ImportOption.DoNotIncludeTests.class,
    ArchitectureTest.NotWrittenAheadOfTime.class})
class ArchitectureTest {

    /**
     * Leaves out the bean definitions that the package phase writes into target/classes as code
     * ({@code SecurityConfig__BeanDefinitions} and the like): Spring's code, which refers to every bean class.
     */
    static final class NotWrittenAheadOfTime implements ImportOption {
        /** On the class file's own name: a checkout folder whose path holds "__" must not hide every class. */
        private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern.compile(".*__[^/]*\\.class$");

        @Override
        public boolean includes(Location location) {
            return !location.matches(WRITTEN);
        }
    }

    /** A view: anything Vaadin can route to, and every class in a ui package. */
    private static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("views") {
        @Override
        public boolean test(JavaClass c) {
            // only our own ui packages: a library's (springdoc's org.springdoc.webmvc.ui) is not a view
            return c.isAnnotatedWith(com.vaadin.flow.router.Route.class) || c.getPackageName().startsWith("io.miniman.")
                    && (c.getPackageName().endsWith(".ui") || c.getPackageName().contains(".ui."));
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

    /** Views and REST controllers: the two doors through which a person's click or request reaches a service. */
    static final DescribedPredicate<JavaClass> VIEWS_AND_CONTROLLERS = DescribedPredicate.describe("views and controllers",
            c -> VIEWS.test(c) || c.getPackageName().endsWith(".api") || c.getPackageName().contains(".api."));

    /**
     * A raw change: a method of a {@code *Service} that an {@code *Actions} class calls. The Actions method is the
     * one that checks the role and runs the change as an operation, so any other caller skips both. Derived from the
     * code rather than listed, so a method stays covered when an Actions class starts wrapping it.
     */
    static final DescribedPredicate<JavaAccess<?>> RAW_CHANGE = DescribedPredicate.describe(
            "a *Service method that an *Actions class wraps", access ->
                    access.getTargetOwner().getSimpleName().endsWith("Service")
                            && access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target
                            && target.resolveMember().stream().flatMap(method -> method.getAccessesToSelf().stream())
                                    .anyMatch(wrapper -> wrapper.getOriginOwner().getSimpleName().endsWith("Actions")));

    @ArchTest
    static final ArchRule viewsAndControllersChangeThingsOnlyThroughActions = noClasses().that(VIEWS_AND_CONTROLLERS)
            .should().accessTargetWhere(RAW_CHANGE);

    /** The role check is the Actions class's own, so the REST API gets the same answer as a view. */
    @ArchTest
    static final ArchRule actionsCheckRoles = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Actions")
            .and().arePublic()
            .should().beAnnotatedWith(org.springframework.security.access.prepost.PreAuthorize.class)
            .orShould().beDeclaredInClassesThat().areAnnotatedWith(org.springframework.security.access.prepost.PreAuthorize.class);

    @ArchTest
    static final ArchRule servicesDoNotKnowViews = noClasses().that(DescribedPredicate.not(VIEWS))
            // the security configuration must name the login view: that is wiring, not a service using a view
            .and().doNotHaveFullyQualifiedName("io.miniman.security.SecurityConfig")
            // the extension API is for pages (its chart and push idiom are the console's own), and its loader
            // puts extension pages into the shell: wiring of the same kind
            .and().resideOutsideOfPackages("io.miniman.extension..")
            .should().dependOnClassesThat(VIEWS);

    /** The sign-in and password pages stand alone; every other page lives in the shell. */
    private static final java.util.Set<String> STANDALONE_PAGES = java.util.Set.of("LoginView", "ChangePasswordView");

    /** A class Vaadin can put pages into (the UI itself, also a RouterLayout, is not one). */
    private static final DescribedPredicate<JavaClass> LAYOUTS = DescribedPredicate.describe("layouts",
            c -> c.isAssignableTo(com.vaadin.flow.router.RouterLayout.class) && !c.isInterface()
                    && !c.isAssignableTo(com.vaadin.flow.component.UI.class));

    /**
     * Vaadin's bundler starts from every service and UI init listener and puts the components of each class
     * one refers to into the bundle the sign-in page loads: a listener naming the Extensions page made that
     * page 401 kB instead of 304 kB, and one naming the shell brought its app layout, side nav and menus.
     * Listeners may name only the pages that stand alone.
     */
    @ArchTest
    static final ArchRule initListenersNameNoHeavyPage = noClasses()
            .that().implement(com.vaadin.flow.server.VaadinServiceInitListener.class)
            .or().implement(com.vaadin.flow.server.UIInitListener.class)
            .should().dependOnClassesThat(DescribedPredicate.describe("pages other than sign-in and password, or a layout",
                    c -> c.isAnnotatedWith(com.vaadin.flow.router.Route.class) && !STANDALONE_PAGES.contains(c.getSimpleName())
                            || LAYOUTS.test(c)));

    /**
     * The shell is named by each page, not by {@code @Layout}: the bundler loads an {@code @Layout} class's
     * components with the sign-in page, and the shell's are most of a page's weight.
     */
    @ArchTest
    static final ArchRule pagesNameTheShell = classes()
            .that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .and(DescribedPredicate.describe("not a standalone page", c -> !STANDALONE_PAGES.contains(c.getSimpleName())))
            .should(ArchConditions.<JavaClass>have(
                    DescribedPredicate.describe("@Route(layout = MainLayout.class)", c -> c.getAnnotationOfType(
                            com.vaadin.flow.router.Route.class).layout() == io.miniman.ui.MainLayout.class)));

    /** Vaadin scans only the ui packages (ui.VaadinScan): a page, layout, app shell or error view elsewhere would not exist. */
    @ArchTest
    static final ArchRule vaadinFindsEveryPageInAUiPackage = classes()
            .that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .or().areAnnotatedWith(com.vaadin.flow.router.RouteAlias.class)
            .or().areAssignableTo(com.vaadin.flow.component.page.AppShellConfigurator.class)
            .or().areAssignableTo(com.vaadin.flow.router.HasErrorParameter.class)
            .or(LAYOUTS)
            .should().resideInAPackage("io.miniman..ui..");

    /** The repository methods that build query text (JPQL) rather than a Criteria query. */
    private static final DescribedPredicate<JavaMethodCall> QUERY_TEXT = DescribedPredicate.describe(
            "a repository method that builds JPQL", call -> call.getTarget().getOwner()
                    .isAssignableTo(org.springframework.data.repository.Repository.class)
                    && (Set.of("existsById", "deleteAllInBatch", "deleteAllByIdInBatch", "deleteInBatch")
                            .contains(call.getTarget().getName())
                            || call.getTarget().getName().equals("count") && call.getTarget().getRawParameterTypes().isEmpty()));

    /**
     * Query text is parsed by Hibernate's and Spring Data's ANTLR grammars, which cost about a second of the
     * box's start and 1,070 classes (README, "On a 1 GB device"): derived queries and Criteria only.
     */
    @ArchTest
    static final ArchRule noQueryAnnotations = noMethods().should()
            .beAnnotatedWith(org.springframework.data.jpa.repository.Query.class);

    @ArchTest
    static final ArchRule noRepositoryMethodThatBuildsQueryText = noClasses().should().callMethodWhere(QUERY_TEXT);

    @ArchTest
    static final ArchRule onlyHostStartsProcesses = noClasses().that().resideOutsideOfPackages("io.miniman.host..")
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class);

    /**
     * Views and REST controllers sit on top of every feature (they show roles, the shell, operations; the API's
     * shared door reads tokens and maps every feature's errors), so cycles are judged below them.
     */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.miniman.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(VIEWS_AND_CONTROLLERS, DescribedPredicate.alwaysTrue())
            .ignoreDependency(DescribedPredicate.alwaysTrue(), VIEWS_AND_CONTROLLERS);

    /** The rule bites: on a small service of its own, a caller of a wrapped method is caught, by call or by reference. */
    @Test
    void aCallerOfAWrappedRawMethodIsCaughtAndAReaderIsNot() {
        JavaClasses classes = new ClassFileImporter().importClasses(FixtureService.class, FixtureActions.class,
                CallsRawChange.class, ReferencesRawChange.class, OnlyReads.class);

        for (Class<?> caller : java.util.List.of(CallsRawChange.class, ReferencesRawChange.class)) {
            assertThatThrownBy(() -> noClasses().that().belongToAnyOf(caller).should().accessTargetWhere(RAW_CHANGE)
                    .check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining("FixtureService.change");
        }
        noClasses().that().belongToAnyOf(OnlyReads.class).should().accessTargetWhere(RAW_CHANGE).check(classes);
    }

    static class FixtureService {
        void change(String id) {
        }

        String read(String id) {
            return id;
        }
    }

    static class FixtureActions {
        void change(FixtureService service, String id) {
            service.change(id);
        }
    }

    static class CallsRawChange {
        void click(FixtureService service) {
            service.change("web");
        }
    }

    static class ReferencesRawChange {
        Consumer<String> click(FixtureService service) {
            return service::change;
        }
    }

    static class OnlyReads {
        String show(FixtureService service) {
            return service.read("web");
        }
    }
}
