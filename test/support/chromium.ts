/**
 * The Chromium the browser tests and the Mermaid check drive with playwright-core: Debian's package by
 * default (.ci/run installs it with apt-get), or the executable BERTH_TEST_CHROMIUM names.
 */
export const CHROMIUM_PATH = process.env.BERTH_TEST_CHROMIUM ?? '/usr/bin/chromium';
