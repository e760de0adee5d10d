package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a system's {@code pbxNumberingTranslator} (docs/cloud-contract.md#numbering-rules): the first rule
 * whose {@code regexpMatch} matches a dialled number rewrites it with {@code regexpReplace}; an empty replacement
 * forbids the number. At most 100 rules, each expression at most 64 characters.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NumberingRule(String regexpMatch, String regexpReplace, String description) {}
