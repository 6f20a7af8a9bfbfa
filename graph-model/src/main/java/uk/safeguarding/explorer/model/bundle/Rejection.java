package uk.safeguarding.explorer.model.bundle;

/**
 * One problem with one record of an import bundle: which array, which index, which record id
 * (when it had one), which field and why. Used both for rejections and for warnings.
 */
public record Rejection(String array, int index, String id, String field, String reason) {}
