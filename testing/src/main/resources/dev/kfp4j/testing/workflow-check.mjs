// Checks GitHub Actions workflow files with GitHub's own parser (@actions/workflow-parser) and
// prints, as JSON, each file's errors, events and jobs with their steps. Bundled by esbuild first:
// the parser is an ES module written for bundlers.
import { readFileSync } from "node:fs";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";

async function main() {
  const out = [];
  for (const name of process.argv.slice(2)) {
    const result = parseWorkflow({ name, content: readFileSync(name, "utf8") }, new NoOperationTraceWriter());
    const errors = result.context.errors.getErrors().map((e) => e.message);
    let template = null;
    if (result.value) {
      template = await convertWorkflowTemplate(result.context, result.value);
      for (const e of template.errors || []) {
        errors.push(e.Message);
      }
    }
    const jobs = (template?.jobs || []).map((j) => ({
      id: j.id?.value,
      steps: (j.steps || []).map((s) => ({ id: s.id, uses: s.uses?.value ?? null })),
    }));
    out.push({ file: name, errors: [...new Set(errors)], events: template ? Object.keys(template.events || {}) : [], jobs });
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
