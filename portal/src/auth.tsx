/** The signed-in user (from a verified session token, never from local guesses) and sign-in/out. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserIdentity } from '@seleksi/domain';
import { gql, storeToken, storedToken } from './api';

export type { Role } from '@seleksi/domain';
export type User = UserIdentity;
export { ROLE_NAMES_ID as ROLE_NAMES } from '@seleksi/domain';

const USER_FIELDS = 'id email displayName role agencyCode candidateId';

interface AuthState {
  user: User | null;
  ready: boolean;
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  /** Keeps a session opened elsewhere (a set-password link, the SSO return page). */
  adoptSession(token: string, user: User): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!storedToken()) return void setReady(true);
    gql<{ me: User | null }>(`{ me { ${USER_FIELDS} } }`)
      .then(({ me }) => {
        if (!me) storeToken(null);
        setUser(me);
      })
      .catch(() => storeToken(null))
      .finally(() => setReady(true));
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { signIn } = await gql<{ signIn: { token: string; user: User } }>(
      `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token user { ${USER_FIELDS} } } }`,
      { email, password },
    );
    storeToken(signIn.token);
    setUser(signIn.user);
    return signIn.user;
  }, []);

  const signOut = useCallback(async () => {
    await gql('mutation { signOut }').catch(() => undefined);
    storeToken(null);
    setUser(null);
  }, []);

  const adoptSession = useCallback((token: string, next: User) => {
    storeToken(token);
    setUser(next);
  }, []);

  const value = useMemo(
    () => ({ user, ready, signIn, signOut, adoptSession }),
    [user, ready, signIn, signOut, adoptSession],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
