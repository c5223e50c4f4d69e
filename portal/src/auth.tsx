/** The signed-in user (from a verified session token, never from local guesses) and sign-in/out. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { gql, storeToken, storedToken } from './api';

export type Role = 'CANDIDATE' | 'PANSEL_MEMBER' | 'PANSEL_SECRETARY' | 'PPK' | 'OVERSEER' | 'ADMIN' | 'AGENCY_ADMIN';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  candidateId: string | null;
}

export const ROLE_NAMES: Record<Role, string> = {
  CANDIDATE: 'Peserta',
  PANSEL_MEMBER: 'Anggota Pansel',
  PANSEL_SECRETARY: 'Sekretariat Pansel',
  PPK: 'Pejabat Pembina Kepegawaian',
  OVERSEER: 'Pengawas (BKN/KASN)',
  AGENCY_ADMIN: 'Administrator Instansi',
  ADMIN: 'Administrator',
};

const USER_FIELDS = 'id email displayName role agencyCode candidateId';

interface AuthState {
  user: User | null;
  ready: boolean;
  signIn(email: string, password: string): Promise<User>;
  /** Sets the password with a one-time link's token (invitation or reset) and signs in. */
  setPasswordWithLink(token: string, password: string): Promise<User>;
  signOut(): Promise<void>;
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

  const setPasswordWithLink = useCallback(async (token: string, password: string) => {
    const { setPasswordWithLink } = await gql<{ setPasswordWithLink: { token: string; user: User } }>(
      `mutation($token: String!, $password: String!) { setPasswordWithLink(token: $token, password: $password) { token user { ${USER_FIELDS} } } }`,
      { token, password },
    );
    storeToken(setPasswordWithLink.token);
    setUser(setPasswordWithLink.user);
    return setPasswordWithLink.user;
  }, []);

  const signOut = useCallback(async () => {
    await gql('mutation { signOut }').catch(() => undefined);
    storeToken(null);
    setUser(null);
  }, []);

  const value = useMemo(
    () => ({ user, ready, signIn, setPasswordWithLink, signOut }),
    [user, ready, signIn, setPasswordWithLink, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
