package org.example.hello;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.miniman.extension.testkit.ExtensionRules;

@AnalyzeClasses(packages = "org.example.hello", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiOnlyTest {

    @ArchTest
    static final ArchRule apiOnly = ExtensionRules.ONLY_THE_EXTENSION_API;
}
