/** The largest persona or contribution file the tools read; a real one is a few KB. */
export const MAX_FILE_BYTES = 256 * 1024;
