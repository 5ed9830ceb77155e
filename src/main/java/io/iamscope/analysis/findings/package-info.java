/**
 * The findings model shared by every analysis that judges a snapshot ({@code iamscope review}, and the CI gate
 * that compares two reviews) and by every renderer of them: a {@link io.iamscope.analysis.findings.Finding}
 * with its stable {@link io.iamscope.analysis.findings.FindingCode} (the one registry of codes: title, help,
 * default severity, category, AWS documentation page), the statements, paths and facts behind it, what to
 * change, and the suppressions that silence findings on purpose. Values only: no analysis happens here.
 */
package io.iamscope.analysis.findings;
