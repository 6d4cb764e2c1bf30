import type { FollowResult, Me, Profile, Relationship, UpdateProfileBody, UserPage } from '@pictor/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorPages } from '../../api/pages';
import { uploadForm } from '../../api/upload';
import { meKey } from '../auth/session';

const profileKey = (username: string) => ['profile', username.toLowerCase()] as const;

export function useProfile(username: string) {
  return useQuery({ queryKey: profileKey(username), queryFn: () => api.get<Profile>(`/users/${encodeURIComponent(username)}`) });
}

/** Writes that change how the viewer relates to someone answer the new relationship; patch it in place. */
function usePatchRelationship(username: string) {
  const client = useQueryClient();
  return (relationship: Relationship) => {
    client.setQueryData<Profile>(profileKey(username), (old) => (old ? { ...old, relationship } : old));
    void client.invalidateQueries({ queryKey: profileKey(username) });
    void client.invalidateQueries({ queryKey: ['feed'] });
  };
}

export function useFollow(profile: Profile) {
  const patch = usePatchRelationship(profile.username);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) =>
      follow ? api.post<FollowResult>(`/users/${profile.id}/follow`) : api.delete<FollowResult>(`/users/${profile.id}/follow`),
    onSuccess: (result) => {
      patch(result.relationship);
      void client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export type RelationKind = 'block' | 'mute' | 'restrict';

/** Blocks, mutes or restricts someone, or takes it back; answers the new relationship. */
export const setRelation = (userId: string, kind: RelationKind, on: boolean) =>
  on ? api.post<Relationship>(`/users/${userId}/${kind}`) : api.delete<Relationship>(`/users/${userId}/${kind}`);

export function useRelation(profile: Profile) {
  const patch = usePatchRelationship(profile.username);
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, on }: { kind: RelationKind; on: boolean }) => setRelation(profile.id, kind, on),
    onSuccess: (relationship, { kind }) => {
      patch(relationship);
      void client.invalidateQueries({ queryKey: ['relations', kind] });
    },
  });
}

export function useRemoveFollower(profile: Profile) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/me/followers/${profile.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: profileKey(profile.username) }),
  });
}

/** Cursor-paged lists of people: followers, following, follow requests, blocked… */
export const useUserPages = (key: readonly unknown[], path: string, enabled = true) =>
  useCursorPages<UserPage>(key, path, { limit: 30 }, enabled);

export function useAnswerRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, approve }: { userId: string; approve: boolean }) =>
      api.post<void>(`/me/follow-requests/${userId}/${approve ? 'approve' : 'decline'}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['follow-requests'] });
      void client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => api.patch<Me>('/me', body),
    onSuccess: (me) => {
      client.setQueryData(meKey, me);
      void client.invalidateQueries({ queryKey: ['profile'] });
    },
  });
}

export function useAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => {
      if (!file) return api.delete<Me>('/me/avatar');
      const form = new FormData();
      form.append('file', file);
      return uploadForm<Me>('PUT', '/me/avatar', form);
    },
    onSuccess: (me) => {
      client.setQueryData(meKey, me);
      void client.invalidateQueries({ queryKey: ['profile'] });
    },
  });
}
