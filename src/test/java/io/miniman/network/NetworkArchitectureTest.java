package io.miniman.network;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.miniman.host.PrivilegedHelper;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;

/** "No path changes the network outside apply-and-confirm", as a rule the build checks. */
@AnalyzeClasses(packages = "io.miniman", importOptions = ImportOption.DoNotIncludeTests.class)
class NetworkArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheApplyPathStoresSettings = noClasses()
            .that().resideOutsideOfPackages("io.miniman.network.apply..", "io.miniman.network.store..")
            .should().callMethod(NetworkSettingsStore.class, "save", NetworkSettings.class)
            .because("settings are stored only when an applied change is kept");

    @ArchTest
    static final ArchRule onlyTheApplyPathRestoresOrHoldsRollbacks = noClasses()
            .that().resideOutsideOfPackages("io.miniman.network.apply..", "io.miniman.network.store..")
            .should().callMethod(NetworkSettingsStore.class, "holdRollback", String.class)
            .orShould().callMethod(NetworkSettingsStore.class, "releaseRollback");

    @ArchTest
    static final ArchRule nothingElseUsesTheHelperToInstallFiles = noClasses()
            .that().resideOutsideOfPackages("io.miniman.network.apply..", "io.miniman.host..")
            .should().callMethod(PrivilegedHelper.class, "install", String.class, byte[].class)
            .orShould().callMethod(PrivilegedHelper.class, "remove", String.class);
}
