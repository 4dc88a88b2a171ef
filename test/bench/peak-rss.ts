// Preloaded into the CLI by the bench: writes the process's peak RSS (all its threads, as getrusage
// counts them) to the file BENCH_PEAK_RSS_FILE names, in KiB, as the process exits.
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_PEAK_RSS_FILE'];
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
