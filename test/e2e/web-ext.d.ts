// web-ext ships no types; only the programmatic `lint` command is used (test/e2e/firefox-lint.e2e.test.ts).
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(params: Record<string, unknown>, options?: { shouldExitProgram?: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
