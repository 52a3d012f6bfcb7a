import type { Permission } from '@guanjia/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, api, onUnauthorized } from '../api/client';
import type { LoginResponse, Me, Page, Project } from '../api/types';
import { setDisplayTimeZone } from '../format';
import { applyLocale, type Locale, normalizeLocale } from '../i18n';

export interface AuthValue {
  user: Me | null;
  loading: boolean;
  can: (permission: Permission) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
  /** The projects this user works in (their data scope). */
  projects: Project[];
  projectId: number | null;
  project: Project | null;
  setProjectId: (id: number) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me', undefined, { quiet401: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

const projectStorageKey = (userId: number) => `guanjia.project.${userId}`;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
  const user = me.data ?? null;

  // The user's language is part of their profile: apply it whenever the session changes.
  useEffect(() => {
    if (user) void applyLocale(normalizeLocale(user.locale));
  }, [user]);

  // Any 401 from the API: the session expired or was revoked — back to the login page.
  useEffect(
    () =>
      onUnauthorized(() => {
        queryClient.setQueryData(ME_KEY, null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
        if (!window.location.pathname.startsWith('/login')) {
          void navigate('/login', {
            replace: true,
            state: { from: `${window.location.pathname}${window.location.search}` },
          });
        }
      }),
    [queryClient, navigate],
  );

  const canRead = Boolean(user?.permissions.includes('estate.read'));
  const projectsQuery = useQuery({
    queryKey: ['projects', user?.id],
    queryFn: () => api.get<Page<Project>>('/api/projects'),
    enabled: canRead,
    staleTime: 60_000,
  });
  const projects = useMemo(() => projectsQuery.data?.items ?? [], [projectsQuery.data]);

  const [chosen, setChosen] = useState<number | null>(null);
  useEffect(() => {
    if (!user) {
      setChosen(null);
      return;
    }
    const stored = Number(localStorage.getItem(projectStorageKey(user.id)));
    setChosen(Number.isFinite(stored) && stored > 0 ? stored : null);
  }, [user]);
  const project = projects.find((p) => p.id === chosen) ?? projects[0] ?? null;
  const projectId = project?.id ?? null;
  // Set while rendering, not in an effect, so the children's first paint is already on its clock.
  setDisplayTimeZone(project?.timezone);

  const setProjectId = useCallback(
    (id: number) => {
      setChosen(id);
      if (user) localStorage.setItem(projectStorageKey(user.id), String(id));
    },
    [user],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api.post<LoginResponse>(
        '/api/auth/login',
        { username, password },
        { quiet401: true },
      );
      const next = res.user ?? (await fetchMe());
      if (!next) throw new ApiError(401, 'unauthorized', 'Login failed');
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await applyLocale(normalizeLocale(next.locale));
      queryClient.setQueryData(ME_KEY, next);
      return next;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { quiet401: true });
    } catch {
      // Already logged out on the server: nothing to undo.
    }
    queryClient.setQueryData(ME_KEY, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    void navigate('/login', { replace: true });
  }, [queryClient, navigate]);

  const setLocale = useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      if (!user) return;
      const updated = await api.patch<Me>('/api/auth/me', { locale });
      queryClient.setQueryData(ME_KEY, updated);
    },
    [user, queryClient],
  );

  const can = useCallback(
    (permission: Permission) => Boolean(user?.permissions.includes(permission)),
    [user],
  );

  const value = useMemo<AuthValue>(
    () => ({
      user,
      loading: me.isPending,
      can,
      login,
      logout,
      setLocale,
      projects,
      projectId,
      project,
      setProjectId,
    }),
    [user, me.isPending, can, login, logout, setLocale, projects, projectId, project, setProjectId],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}
