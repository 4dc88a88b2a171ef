// How the language server's Node is started, shared by the VS Code client and the bench so that
// the bench measures the server as users run it.
//
// V8's defaults suit a short burst of work on a large heap, not a long-lived process that keeps
// 10 to 20 MB alive and allocates megabytes per keystroke:
// - the young generation grows to two 16 MB semi-spaces, nearly all of it garbage by the time it
//   is collected; 4 MB each leaves scavenges short and frequent;
// - old space may grow to four times what was alive after the last full collection before the
//   next one (`MaxGrowingFactor` in deps/v8/src/heap/heap-controller.cc picks 4 when the heap
//   limit is the machine's default), so a typing session ends with mostly dead objects there;
//   60 % growth is the factor V8 picks for a 1 GB limit, without imposing a limit that a huge
//   workspace could run into.
// Measured with the bench (`--node-flags none` against the default; README, Speed): peak RSS 17 to
// 35 MB lower on every file, keystroke latency within the run-to-run noise.
export const serverNodeFlags: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=60'];
