import { migrateLegacyTalentSettings } from '@seleksi/domain';
import { replaceById } from '@seleksi/kit';
import type { AssessmentModels, TalentSettingsDoc } from '../models';

/**
 * Settings as stored: any JSON object with the agency's code. The talent rules' `TalentSettings`
 * validates the rest where it is used. A merit index or approval in them (written before the overseer
 * owned the gate) is answered as `legacyGate`, which the gate never reads.
 */
export type StoredTalentSettings = { agencyCode: string } & Record<string, unknown>;

export function createTalentSettingsRepository({ TalentSettings }: AssessmentModels) {
  return {
    /** Stores the settings as given (replacing the agency's previous ones) and answers them. */
    async put(settings: StoredTalentSettings): Promise<StoredTalentSettings> {
      const json = JSON.stringify(migrateLegacyTalentSettings(settings));
      await replaceById(TalentSettings, settings.agencyCode, { json, updatedAt: new Date() });
      return JSON.parse(json) as StoredTalentSettings;
    },

    async get(agencyCode: string): Promise<StoredTalentSettings | null> {
      const doc = await TalentSettings.findById(agencyCode).lean<TalentSettingsDoc>();
      return doc ? migrateLegacyTalentSettings(JSON.parse(doc.json) as StoredTalentSettings) : null;
    },
  };
}
export type TalentSettingsRepository = ReturnType<typeof createTalentSettingsRepository>;
