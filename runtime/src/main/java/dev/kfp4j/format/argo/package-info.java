/**
 * Argo Workflows, the format KFP v1 runs: {@link dev.kfp4j.format.argo.ArgoWriter} writes a
 * {@link dev.kfp4j.model.Pipeline} as a {@code Workflow}, {@link dev.kfp4j.format.argo.ArgoReader}
 * reads one back. The only code that knows Argo's keys.
 */
package dev.kfp4j.format.argo;
