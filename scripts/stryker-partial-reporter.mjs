// A Stryker reporter that appends each mutant's result as it is known (one JSON line) to
// reports/mutation/<part>.partial.jsonl. Stryker writes its JSON report and incremental file only
// at the end of a run; on a busy machine a run may be stopped first, and this keeps what was learnt.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

class PartialReporter {
	// What declareClassPlugin and commonTokens of @stryker-mutator/api produce, written out so this
	// file needs no import of a package that is only a dependency of Stryker's.
	static inject = ['options'];
	constructor(options) {
		this.file = options.jsonReporter.fileName.replace(/\.json$/, '.partial.jsonl');
		mkdirSync(dirname(this.file), { recursive: true });
		writeFileSync(this.file, '');
	}
	onMutationTestingPlanReady({ mutantPlans }) {
		appendFileSync(this.file, JSON.stringify({ planned: mutantPlans.length }) + '\n');
	}
	onMutantTested(r) {
		const { id, fileName, mutatorName, replacement, location, status, statusReason } = r;
		const line = { id, fileName, mutatorName, replacement, location, status, statusReason };
		appendFileSync(this.file, JSON.stringify(line) + '\n');
	}
}

export const strykerPlugins = [
	{ kind: 'Reporter', name: 'partial', injectableClass: PartialReporter }
];
