package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check of {@link TroubleshootingDocTest} fails when the page's text differs from the library's. */
class ErrorTextBlocksTest {

    private static final String PAGE = """
            Some prose.

            ```text
            AZURE_OPENAI_ENDPOINT must start with https:// (got 'x'), e.g. https://my-resource.openai.azure.com
            ```

            ```text
            Deployment failed (request id <request-id>); Azure asked to wait <seconds>s, we waited <ms> ms
            ```
            """;

    @Test
    void aMessageOnThePageIsFoundExactly() {
        ErrorTextBlocks blocks = new ErrorTextBlocks(PAGE);
        assertThat(blocks.documents("AZURE_OPENAI_ENDPOINT must start with https:// (got 'x'), e.g."
                + " https://my-resource.openai.azure.com")).isTrue();
    }

    @Test
    void aReworderedMessageOrAFragmentIsNotDocumented() {
        ErrorTextBlocks blocks = new ErrorTextBlocks(PAGE);
        assertThat(blocks.documents("AZURE_OPENAI_ENDPOINT must begin with https:// (got 'x'), e.g."
                + " https://my-resource.openai.azure.com")).isFalse();
        assertThat(blocks.documents("AZURE_OPENAI_ENDPOINT must start with https://")).isFalse();
        assertThat(blocks.documents("AZURE_OPENAI_ENDPOINT must start with https:// (got 'x'), e.g."
                + " https://my-resource.openai.azure.com, and more")).isFalse();
    }

    @Test
    void placeholdersMatchOnlyTheirKindOfValue() {
        ErrorTextBlocks blocks = new ErrorTextBlocks(PAGE);
        assertThat(blocks.documents("Deployment failed (request id 4f0c2a9e-1b7d-4c55-9a43-0d6f1e2b3c4d); Azure asked"
                + " to wait 12s, we waited 11998 ms")).isTrue();
        assertThat(blocks.documents("Deployment failed (request id 4f0c2a9e-1b7d-4c55-9a43-0d6f1e2b3c4d); Azure asked"
                + " to wait soon, we waited 11998 ms")).isFalse();
        assertThat(blocks.documents("Deployment failed (request id not an id at all); Azure asked to wait 12s, we"
                + " waited 11998 ms")).isFalse();
    }

    @Test
    void onlyTextBlocksCount() {
        assertThat(new ErrorTextBlocks("```bash\nsome message\n```\n").documents("some message")).isFalse();
    }
}
