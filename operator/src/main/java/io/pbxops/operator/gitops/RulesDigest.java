package io.pbxops.operator.gitops;

import io.pbxops.operator.cloud.model.NumberingRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A stable fingerprint of a list of numbering rules: the same rules give the same name at every export. */
final class RulesDigest {

    private RulesDigest() {}

    static String of(List<NumberingRule> rules) {
        StringBuilder text = new StringBuilder();
        for (NumberingRule rule : rules) {
            text.append(rule.regexpMatch())
                    .append('\u0000')
                    .append(rule.regexpReplace())
                    .append('\u0000')
                    .append(rule.description())
                    .append('\u0001');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
