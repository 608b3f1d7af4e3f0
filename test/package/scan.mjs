// Runs @n8n/scan-community-package's own analysis (the one n8n's verification uses) over a folder and
// prints its result as JSON. ESM, because the scanner is; the jest test spawns it.
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const [dir, mode] = process.argv.slice(2);
const result = await analyzePackage(dir, mode === 'source' ? SOURCE_FILE_PATTERNS : undefined);
process.stdout.write(
	`${JSON.stringify({ passed: result.passed, message: result.message ?? null, details: result.details ?? null })}\n`,
);
