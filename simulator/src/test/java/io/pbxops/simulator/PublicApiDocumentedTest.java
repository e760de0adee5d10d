package io.pbxops.simulator;

/** {@link PublicApiTest} on the documented-only profile. */
class PublicApiDocumentedTest extends PublicApiTest {

    @Override
    protected CloudContract contract() {
        return CloudContract.DOCUMENTED;
    }
}
