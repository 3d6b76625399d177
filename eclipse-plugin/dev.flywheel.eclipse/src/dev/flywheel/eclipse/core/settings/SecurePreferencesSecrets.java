package dev.flywheel.eclipse.core.settings;

import java.util.Optional;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/** Connection passwords in Eclipse secure storage, encrypted, one node per connection name. */
public final class SecurePreferencesSecrets implements SecretStore {

    /** The secure-storage node under which the plugin keeps its secrets. */
    public static final String NODE = "/dev.flywheel.eclipse/connections"; //$NON-NLS-1$

    /** The key of a connection's password. */
    public static final String PASSWORD = "password"; //$NON-NLS-1$

    private final ISecurePreferences root;

    /** Secrets kept under {@link #NODE} of {@code root}. */
    public SecurePreferencesSecrets(ISecurePreferences root) {
        this.root = root;
    }

    /** The user's default secure storage. */
    public static SecurePreferencesSecrets ofDefault() {
        return new SecurePreferencesSecrets(SecurePreferencesFactory.getDefault());
    }

    @Override
    public Optional<String> password(String connection) {
        String path = path(connection);
        if (root == null || !root.nodeExists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(root.node(path).get(PASSWORD, null)).filter(p -> !p.isEmpty());
        } catch (StorageException e) {
            throw new IllegalStateException("Cannot read the password of " + connection + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    @Override
    public void setPassword(String connection, String password) {
        if (root == null) {
            throw new IllegalStateException("Eclipse secure storage is not available"); //$NON-NLS-1$
        }
        try {
            if (password == null || password.isEmpty()) {
                if (root.nodeExists(path(connection))) {
                    root.node(path(connection)).removeNode();
                }
            } else {
                root.node(path(connection)).put(PASSWORD, password, true);
            }
            root.flush();
        } catch (StorageException | java.io.IOException e) {
            throw new IllegalStateException("Cannot store the password of " + connection + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    private static String path(String connection) {
        return NODE + "/" + EncodingUtils.encodeSlashes(connection); //$NON-NLS-1$
    }
}
