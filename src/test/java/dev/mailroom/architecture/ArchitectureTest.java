package dev.mailroom.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape of the code (docs/architecture.md): no cycle between the top-level packages, and each layer imports only
 * its own and the layers below it — the shared kernels never a feature.
 */
class ArchitectureTest {

    private static final JavaClasses MAILROOM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mailroom");

    @Test
    void noCycleBetweenTopLevelPackages() {
        slices().matching("dev.mailroom.(*)..").namingSlices("$1").should().beFreeOfCycles().check(MAILROOM);
    }

    @Test
    void eachLayerImportsOnlyItsOwnAndTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy("dev.mailroom.platform..", "dev.mailroom.web..", "dev.mailroom.sanitize..")
                .layer("Shared kernels").definedBy("dev.mailroom.secrets..", "dev.mailroom.storage..",
                        "dev.mailroom.audit..", "dev.mailroom.addresses..", "dev.mailroom.transport..",
                        "dev.mailroom.spool..", "dev.mailroom.cluster..")
                .layer("Mail server access").definedBy("dev.mailroom.graph..", "dev.mailroom.oauth..",
                        "dev.mailroom.connectiontest..")
                .layer("Desk records").definedBy("dev.mailroom.users..", "dev.mailroom.lookups..",
                        "dev.mailroom.tickets..")
                .layer("Mail flow").definedBy("dev.mailroom.incoming..", "dev.mailroom.intake..",
                        "dev.mailroom.outgoing..", "dev.mailroom.notifications..")
                .layer("Edges").definedBy("dev.mailroom", "dev.mailroom.console..", "dev.mailroom.demo..",
                        "dev.mailroom.health..", "dev.mailroom.security..")
                .whereLayer("Edges").mayNotBeAccessedByAnyLayer()
                .whereLayer("Mail flow").mayOnlyBeAccessedByLayers("Edges")
                .whereLayer("Desk records").mayOnlyBeAccessedByLayers("Mail flow", "Edges")
                .whereLayer("Mail server access").mayOnlyBeAccessedByLayers("Desk records", "Mail flow", "Edges")
                .whereLayer("Shared kernels").mayOnlyBeAccessedByLayers("Mail server access", "Desk records",
                        "Mail flow", "Edges")
                .check(MAILROOM);
    }
}
